import { feedLocale } from '$lib/feed-locale';
import { getMeeting } from '$lib/meeting-detail';
import { calendarResponse, found, idOr404 } from '$lib/server/council-routes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const locale = feedLocale(url, locals.locale);
	const meeting = found(
		await getMeeting(locals.supabase, idOr404(params.id, 'Sitzung')),
		'Sitzung'
	);
	return calendarResponse(locals.supabase, {
		origin: url.origin,
		name: meeting.name,
		filename: 'sitzung.ics',
		meetingId: meeting.id,
		locale
	});
};
