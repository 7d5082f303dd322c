import { listUpcomingMeetings } from '$lib/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	meetings: await listUpcomingMeetings(locals.supabase, { limit: 12 })
});
