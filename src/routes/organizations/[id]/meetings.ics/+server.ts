import { feedLocale } from '$lib/feed-locale';
import messages from '$lib/i18n/council';
import { getOrganizationName } from '$lib/organizations';
import { calendarResponse, found, idOr404 } from '$lib/server/council-routes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const locale = feedLocale(url, locals.locale);
	const id = idOr404(params.id, 'Gremium');
	const name = found(await getOrganizationName(locals.supabase, id), 'Gremium');
	return calendarResponse(locals.supabase, {
		origin: url.origin,
		name: messages[locale].feedTitle(name),
		filename: 'sitzungen.ics',
		organizationId: id,
		locale
	});
};
