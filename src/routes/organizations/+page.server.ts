import { groupOrganizations, listOrganizations } from '$lib/organizations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	groups: groupOrganizations(await listOrganizations(locals.supabase))
});
