// Shared pieces of the council routes: id checks and calendar responses.
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { SupabaseClient } from '@supabase/supabase-js';
import { isUuid } from '$lib/council-params';
import { languageHeaders } from '$lib/feed-locale';
import type { Database } from '$lib/database.types';
import { isLocale, type Locale } from '$lib/i18n';
import searchMessages from '$lib/i18n/search';
import { calendarHeaders, writeCalendar } from '$lib/ical';
import { meetingEvents } from '$lib/meeting-feed';

/** What a route looks up, named in German like the document kinds of the search texts. */
type Thing = 'Sitzung' | 'Vorlage' | 'Person' | 'Gremium';

/**
 * 404 naming `what` in the request's language. The text is only seen in the bodies of calendar
 * feeds (the 404 page has its own), so a valid `?lang=` of a feed URL wins, as in feedLocale; an
 * invalid one is not this function's business.
 */
function notFound(what: Thing): never {
	const { url, locals } = getRequestEvent();
	const lang = url.searchParams.get('lang');
	const t = searchMessages[isLocale(lang) ? lang : locals.locale];
	const kind = Object.keys(searchMessages.de.kinds).find(
		(k) => searchMessages.de.kinds[k] === what
	);
	error(404, t.notFound(kind ? t.kinds[kind] : what));
}

/** A path id that is not a UUID can name nothing: 404 before asking the database. */
export function idOr404(id: string, what: Thing): string {
	if (!isUuid(id)) notFound(what);
	return id.toLowerCase();
}

/** Or 404 when the row is missing (or hidden by RLS, which to the caller is the same). */
export function found<T>(value: T | null, what: Thing): T {
	if (value === null) notFound(what);
	return value;
}

export async function calendarResponse(
	supabase: SupabaseClient<Database>,
	{
		origin,
		name,
		filename,
		organizationId,
		meetingId,
		locale
	}: {
		origin: string;
		name: string;
		filename: string;
		organizationId?: string;
		meetingId?: string;
		locale: Locale;
	}
): Promise<Response> {
	const events = await meetingEvents(supabase, { origin, organizationId, meetingId, locale });
	return new Response(writeCalendar({ name, events }), {
		headers: {
			...calendarHeaders(filename),
			...languageHeaders(locale),
			'Cache-Control': 'public, max-age=900'
		}
	});
}
