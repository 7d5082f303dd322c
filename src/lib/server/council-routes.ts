// Shared pieces of the council routes: id checks and calendar responses.
import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import { isUuid } from '$lib/council-params';
import type { Database } from '$lib/database.types';
import { calendarHeaders, writeCalendar } from '$lib/ical';
import { meetingEvents } from '$lib/meeting-feed';

/** A path id that is not a UUID can name nothing: 404 before asking the database. */
export function idOr404(id: string, what: string): string {
	if (!isUuid(id)) error(404, `${what} nicht gefunden.`);
	return id.toLowerCase();
}

/** Or 404 when the row is missing (or hidden by RLS, which to the caller is the same). */
export function found<T>(value: T | null, what: string): T {
	if (value === null) error(404, `${what} nicht gefunden.`);
	return value;
}

export async function calendarResponse(
	supabase: SupabaseClient<Database>,
	{
		origin,
		name,
		filename,
		organizationId,
		meetingId
	}: { origin: string; name: string; filename: string; organizationId?: string; meetingId?: string }
): Promise<Response> {
	const events = await meetingEvents(supabase, { origin, organizationId, meetingId });
	return new Response(writeCalendar({ name, events }), {
		headers: { ...calendarHeaders(filename), 'Cache-Control': 'public, max-age=900' }
	});
}
