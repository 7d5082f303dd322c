import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, localDateTime, utcDateTime, writeCalendar } from './ical';

const event = {
	uid: 'meeting-1@rheinstadt.example',
	start: '2026-12-03T16:00:00Z',
	end: '2026-12-03T18:30:00Z',
	summary: 'Sitzung des Rates; Haushalt, Teil 2',
	location: 'Rathaus, Plenarsaal',
	description: 'Erste Zeile\nZweite Zeile mit \\ Backslash',
	url: 'https://rat.example/meetings/1',
	cancelled: false,
	modified: '2026-11-20T08:15:00.123Z'
};

describe('escapeText', () => {
	it('escapes backslash, semicolon, comma and newlines', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
	});
});

describe('foldLine', () => {
	it('leaves lines of 75 octets alone and folds longer ones with CRLF + space', () => {
		expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
		const folded = foldLine('x'.repeat(200));
		const parts = folded.split('\r\n');
		expect(parts.map((p) => Buffer.byteLength(p))).toEqual([75, 75, 52]);
		expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
		expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe('x'.repeat(200));
	});

	it('counts octets, not characters, and never splits an umlaut', () => {
		const line = `SUMMARY:${'Ausschuss für Planung und Stadtentwicklung – Übersicht '.repeat(4)}`;
		const parts = foldLine(line).split('\r\n');
		expect(parts.length).toBeGreaterThan(3);
		for (const part of parts) {
			expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
			expect(part).not.toContain('\uFFFD');
			expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
		}
		expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
	});
});

describe('date-times', () => {
	it('writes local Rheinstadt time in winter and summer, and UTC stamps', () => {
		expect(localDateTime('2026-12-03T16:00:00Z')).toBe('20261203T170000');
		expect(localDateTime('2026-07-01T15:30:00Z')).toBe('20260701T173000');
		expect(utcDateTime('2026-11-20T08:15:00.123Z')).toBe('20261120T081500Z');
	});
});

describe('writeCalendar', () => {
	const text = writeCalendar({
		name: 'Sitzungen, Rheinstadt',
		events: [event, { ...event, uid: 'meeting-2@x', end: null, cancelled: true }]
	});

	it('uses CRLF everywhere and lines of at most 75 octets', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
	});

	it('declares Europe/Berlin and uses TZID times', () => {
		expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
		expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261203T170000');
		expect(text).toContain('DTEND;TZID=Europe/Berlin:20261203T193000');
		expect(text).toContain('DTSTAMP:20261120T081500Z');
	});

	it('parses with ical.js into the same events, cancelled ones marked', () => {
		const calendar = new ICAL.Component(ICAL.parse(text));
		const events = calendar.getAllSubcomponents('vevent');
		expect(events).toHaveLength(2);
		const first = new ICAL.Event(events[0]);
		expect(first.uid).toBe(event.uid);
		expect(first.summary).toBe(event.summary);
		expect(first.location).toBe(event.location);
		expect(first.description).toBe(event.description);
		expect(events[0].getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
		expect(events[0].getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(events[1].getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(events[1].getFirstPropertyValue('dtend')).toBeNull();
		const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
		const start = first.startDate;
		start.zone = zone;
		expect(start.toUnixTime()).toBe(Date.parse(event.start) / 1000);
	});
});
