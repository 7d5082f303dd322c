// Reading meetings through supabase-js; RLS decides what the caller may see.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

export interface MeetingSummary {
	id: string;
	name: string;
	startAt: string;
	cancelled: boolean;
	state: Database['public']['Enums']['meeting_state'];
	location: string | null;
	organizations: { id: string; name: string }[];
}

export async function listUpcomingMeetings(
	supabase: SupabaseClient<Database>,
	{ limit = 10, now = new Date() }: { limit?: number; now?: Date } = {}
): Promise<MeetingSummary[]> {
	const { data, error } = await supabase
		.from('meetings')
		.select(
			'id, name, start_at, cancelled, meeting_state, locations(description, room), meeting_organizations(organizations(id, name))'
		)
		.gte('start_at', now.toISOString())
		.order('start_at')
		.limit(limit);
	if (error) throw new Error(`Sitzungen konnten nicht geladen werden: ${error.message}`);
	return data.map((m) => ({
		id: m.id,
		name: m.name,
		startAt: m.start_at,
		cancelled: m.cancelled,
		state: m.meeting_state,
		location: [m.locations?.description, m.locations?.room].filter(Boolean).join(', ') || null,
		organizations: m.meeting_organizations.flatMap((mo) =>
			mo.organizations ? [mo.organizations] : []
		)
	}));
}
