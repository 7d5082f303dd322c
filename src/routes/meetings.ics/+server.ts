import { feedLocale } from '$lib/feed-locale';
import messages from '$lib/i18n/council';
import { calendarResponse } from '$lib/server/council-routes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => {
	const locale = feedLocale(url, locals.locale);
	return calendarResponse(locals.supabase, {
		origin: url.origin,
		name: messages[locale].calendarAll,
		filename: 'sitzungen.ics',
		locale
	});
};
