// Reading meetings through supabase-js; RLS decides what the caller may see.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { localDate, monthRange } from '$lib/calendar-month';

type Client = SupabaseClient<Database>;

export interface MeetingSummary {
	id: string;
	name: string;
	startAt: string;
	endAt?: string | null;
	cancelled: boolean;
	state: Database['public']['Enums']['meeting_state'];
	location: string | null;
	organizations: { id: string; name: string }[];
}

export interface FileRef {
	id: string;
	name: string;
}

const summaryColumns =
	'id, name, start_at, end_at, cancelled, meeting_state, modified_at, locations(description, room, street_address), meeting_organizations(organizations(id, name))';

interface SummaryRow {
	id: string;
	name: string;
	start_at: string;
	end_at: string | null;
	cancelled: boolean;
	meeting_state: Database['public']['Enums']['meeting_state'];
	locations: { description: string | null; room: string | null } | null;
	meeting_organizations: { organizations: { id: string; name: string } | null }[];
}

function toSummary(m: SummaryRow): MeetingSummary {
	return {
		id: m.id,
		name: m.name,
		startAt: m.start_at,
		endAt: m.end_at,
		cancelled: m.cancelled,
		state: m.meeting_state,
		location: [m.locations?.description, m.locations?.room].filter(Boolean).join(', ') || null,
		organizations: m.meeting_organizations.flatMap((mo) =>
			mo.organizations ? [mo.organizations] : []
		)
	};
}

function failed(what: string, error: { message: string }): never {
	throw new Error(`${what} konnten nicht geladen werden: ${error.message}`);
}

export async function listUpcomingMeetings(
	supabase: Client,
	{ limit = 10, now = new Date() }: { limit?: number; now?: Date } = {}
): Promise<MeetingSummary[]> {
	const { data, error } = await supabase
		.from('meetings')
		.select(summaryColumns)
		.gte('start_at', now.toISOString())
		.order('start_at')
		.limit(limit);
	if (error) failed('Sitzungen', error);
	return data.map(toSummary);
}

export const meetingsPageSize = 20;

/**
 * One page of upcoming (soonest first) or past (latest first) meetings, optionally of one body.
 * The body filter goes through an inner-joined alias so the list of bodies stays complete.
 */
export async function listMeetings(
	supabase: Client,
	{
		when,
		page,
		organizationId,
		now = new Date()
	}: { when: 'upcoming' | 'past'; page: number; organizationId?: string; now?: Date }
): Promise<{ meetings: MeetingSummary[]; total: number }> {
	const from = (page - 1) * meetingsPageSize;
	const columns = organizationId
		? `${summaryColumns}, only:meeting_organizations!inner(organization_id)`
		: summaryColumns;
	let query = supabase.from('meetings').select(columns, { count: 'exact' });
	if (organizationId) query = query.eq('only.organization_id', organizationId);
	query =
		when === 'upcoming'
			? query.gte('start_at', now.toISOString()).order('start_at')
			: query.lt('start_at', now.toISOString()).order('start_at', { ascending: false });
	const { data, error, count } = await query.range(from, from + meetingsPageSize - 1);
	// PostgREST answers a page past the end with 416; that is an empty page, not a failure.
	if (error?.code === 'PGRST103') return { meetings: [], total: count ?? 0 };
	if (error) failed('Sitzungen', error);
	return { meetings: (data as unknown as SummaryRow[]).map(toSummary), total: count ?? 0 };
}

/** The meetings of a month (`yyyy-mm`) by local day, optionally of one body. */
export async function meetingsInMonth(
	supabase: Client,
	{ month, organizationId }: { month: string; organizationId?: string }
): Promise<Map<string, MeetingSummary[]>> {
	const { from, to } = monthRange(month);
	const columns = organizationId
		? `${summaryColumns}, only:meeting_organizations!inner(organization_id)`
		: summaryColumns;
	let query = supabase
		.from('meetings')
		.select(columns)
		.gte('start_at', from)
		.lt('start_at', to)
		.order('start_at');
	if (organizationId) query = query.eq('only.organization_id', organizationId);
	const { data, error } = await query;
	if (error) failed('Sitzungen', error);
	const byDay = new Map<string, MeetingSummary[]>();
	for (const row of data as unknown as SummaryRow[]) {
		const day = localDate(row.start_at);
		if (!day.startsWith(month)) continue;
		byDay.set(day, [...(byDay.get(day) ?? []), toSummary(row)]);
	}
	return byDay;
}
