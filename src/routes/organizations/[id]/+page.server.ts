import { listMeetings } from '$lib/meetings';
import { getOrganization } from '$lib/organizations';
import { found, idOr404 } from '$lib/server/council-routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = idOr404(params.id, 'Gremium');
	const [organization, upcoming, past] = await Promise.all([
		getOrganization(locals.supabase, id),
		listMeetings(locals.supabase, { when: 'upcoming', page: 1, organizationId: id }),
		listMeetings(locals.supabase, { when: 'past', page: 1, organizationId: id })
	]);
	return {
		organization: found(organization, 'Gremium'),
		upcoming: upcoming.meetings.slice(0, 5),
		past: past.meetings.slice(0, 5)
	};
};
