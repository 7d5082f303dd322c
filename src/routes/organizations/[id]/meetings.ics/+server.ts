import { getOrganizationName } from '$lib/organizations';
import { calendarResponse, found, idOr404 } from '$lib/server/council-routes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const id = idOr404(params.id, 'Gremium');
	const name = found(await getOrganizationName(locals.supabase, id), 'Gremium');
	return calendarResponse(locals.supabase, {
		origin: url.origin,
		name: `Sitzungen – ${name}`,
		filename: 'sitzungen.ics',
		organizationId: id
	});
};
