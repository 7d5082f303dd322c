// iCalendar (RFC 5545) feeds of meetings. Times are written as local times of the city with a
// VTIMEZONE, so calendars show "17:00" in Rheinstadt whatever their own zone, across DST changes.

export interface CalendarEvent {
	/** Stable for the lifetime of the meeting, so subscribed calendars update instead of duplicating. */
	uid: string;
	start: string;
	end?: string | null;
	summary: string;
	location?: string | null;
	description?: string | null;
	url: string;
	cancelled: boolean;
	/** When the meeting was last changed: DTSTAMP and LAST-MODIFIED. */
	modified: string;
}

export interface Calendar {
	name: string;
	events: CalendarEvent[];
}

export const timeZone = 'Europe/Berlin';
const CRLF = '\r\n';

// The rules in force in Germany since 1996 (last Sunday of March / October).
const vtimezone = [
	'BEGIN:VTIMEZONE',
	`TZID:${timeZone}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 3.1); continuation lines start
 * with one space. Never splits inside a UTF-8 sequence, so umlauts survive.
 */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		if (octets + size > 75) {
			parts.push(current);
			current = ' ';
			octets = 1;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join(CRLF);
}

const localParts = new Intl.DateTimeFormat('en-GB', {
	timeZone,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** The wall-clock time in Rheinstadt as an iCalendar local DATE-TIME, e.g. 20261203T170000. */
export function localDateTime(iso: string): string {
	const p = Object.fromEntries(
		localParts.formatToParts(new Date(iso)).map((part) => [part.type, part.value])
	);
	return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/** A UTC DATE-TIME, e.g. 20261203T160000Z. */
export function utcDateTime(iso: string): string {
	return new Date(iso)
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

function eventLines(event: CalendarEvent): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${escapeText(event.uid)}`,
		`DTSTAMP:${utcDateTime(event.modified)}`,
		`LAST-MODIFIED:${utcDateTime(event.modified)}`,
		`DTSTART;TZID=${timeZone}:${localDateTime(event.start)}`
	];
	// Without a known end the event has no DTEND: RFC 5545 then means "ends when it starts"
	// rather than us inventing a duration.
	if (event.end) lines.push(`DTEND;TZID=${timeZone}:${localDateTime(event.end)}`);
	lines.push(`SUMMARY:${escapeText(event.summary)}`);
	if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	lines.push(`URL:${event.url}`);
	lines.push(`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
	lines.push('END:VEVENT');
	return lines;
}

/** A complete VCALENDAR with CRLF line endings and folded lines. */
export function writeCalendar(calendar: Calendar): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Stadt Rheinstadt//Ratsinformation//DE',
		'CALSCALE:GREGORIAN',
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		`X-WR-TIMEZONE:${timeZone}`,
		...vtimezone,
		...calendar.events.flatMap(eventLines),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join(CRLF) + CRLF;
}

/** HTTP headers for a calendar download; `filename` without path. */
export function calendarHeaders(filename: string): Record<string, string> {
	return {
		'Content-Type': 'text/calendar; charset=utf-8',
		'Content-Disposition': `inline; filename="${filename}"`
	};
}
