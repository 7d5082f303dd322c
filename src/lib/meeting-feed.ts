// Meetings as iCalendar events: the whole calendar, one body's or one meeting's.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { CalendarEvent } from '$lib/ical';
import { defaultLocale, type Locale } from '$lib/i18n';
import messages from '$lib/i18n/council';

type Client = SupabaseClient<Database>;

/** Feeds reach back one year: enough for "what happened lately", small enough to poll often. */
const horizonDays = 365;

const columns =
	'id, name, start_at, end_at, cancelled, modified_at, locations(description, room, street_address, postal_code, locality), meeting_organizations(organizations(name))';

export async function meetingEvents(
	supabase: Client,
	{
		origin,
		organizationId,
		meetingId,
		locale = defaultLocale,
		now = new Date()
	}: {
		origin: string;
		organizationId?: string;
		meetingId?: string;
		/** Language of the texts the feed adds (prefix of cancelled meetings, link label). */
		locale?: Locale;
		now?: Date;
	}
): Promise<CalendarEvent[]> {
	const t = messages[locale];
	let query = supabase
		.from('meetings')
		.select(
			organizationId ? `${columns}, only:meeting_organizations!inner(organization_id)` : columns
		)
		.order('start_at');
	if (meetingId) query = query.eq('id', meetingId);
	else
		query = query.gte('start_at', new Date(now.getTime() - horizonDays * 86_400_000).toISOString());
	if (organizationId) query = query.eq('only.organization_id', organizationId);
	const { data, error } = await query;
	if (error) throw new Error(`Sitzungen konnten nicht geladen werden: ${error.message}`);
	const host = new URL(origin).hostname;
	return (
		data as unknown as {
			id: string;
			name: string;
			start_at: string;
			end_at: string | null;
			cancelled: boolean;
			modified_at: string;
			locations: {
				description: string | null;
				room: string | null;
				street_address: string | null;
				postal_code: string | null;
				locality: string | null;
			} | null;
			meeting_organizations: { organizations: { name: string } | null }[];
		}[]
	).map((m) => {
		const l = m.locations;
		const place = l
			? [
					l.description,
					l.room,
					l.street_address,
					[l.postal_code, l.locality].filter(Boolean).join(' ')
				]
					.filter(Boolean)
					.join(', ')
			: null;
		const bodies = m.meeting_organizations.flatMap((mo) =>
			mo.organizations ? [mo.organizations.name] : []
		);
		const url = `${origin}/meetings/${m.id}`;
		return {
			uid: `meeting-${m.id}@${host}`,
			start: m.start_at,
			end: m.end_at,
			summary: m.cancelled ? t.calendarCancelled(m.name) : m.name,
			location: place || null,
			description: [bodies.join(', '), t.calendarAgenda(url)].filter(Boolean).join('\n'),
			url,
			cancelled: m.cancelled,
			modified: m.modified_at
		};
	});
}
