// The council pages as a visitor and as a council member fetch them from the production build:
// status codes, 404 and 400 pages, iCal feeds read with a real parser (ical.js), and that nothing
// non-public reaches the public while the member sees their bodies' non-public items.
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appSession } from '../support/app-session.ts';
import { anonClient } from '../support/clients.ts';
import {
	councilDemo,
	DEMO_PASSWORD,
	MEMBER_EMAIL,
	type CouncilDemo
} from '../support/council-demo.ts';
import { CANARY } from '../support/fixtures.ts';

const appUrl = inject('appUrl');
let demo: CouncilDemo;

beforeAll(async () => {
	demo = await councilDemo();
});

async function get(path: string, cookie?: string, acceptLanguage = 'de') {
	const response = await fetch(`${appUrl}${path}`, {
		headers: { 'accept-language': acceptLanguage, ...(cookie ? { cookie } : {}) },
		redirect: 'manual'
	});
	return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Text as Svelte writes it into HTML. */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function parseCalendar(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('council pages for the public', () => {
	it('answers every page type with 200 and the content asked for', async () => {
		const paths = [
			['/meetings', 'Kommende Sitzungen'],
			['/meetings?zeit=vergangene&seite=2', 'Vergangene Sitzungen'],
			[`/meetings?ansicht=kalender&monat=${demo.meetingMonth}`, demo.meetingName],
			[`/meetings?zeit=vergangene&gremium=${demo.organizationId}`, demo.meetingName],
			[`/meetings/${demo.meetingId}`, demo.meetingName],
			[`/papers/${demo.publicPaperIds[0]}`, 'Beratungsfolge'],
			['/papers', 'Vorlagen'],
			['/papers?typ=Antrag', 'Antrag'],
			['/persons', demo.personName],
			[`/persons?fraktion=${demo.factionId}`, demo.personName],
			[`/persons/${demo.personId}`, 'Aktuelle Mitgliedschaften'],
			['/organizations', 'Bezirksvertretungen'],
			[`/organizations/${demo.organizationId}`, 'Mitglieder']
		];
		for (const [path, expected] of paths) {
			const { status, text } = await get(path);
			expect(status, path).toBe(200);
			expect(text, path).toContain(html(expected));
		}
	});

	it('marks cancelled meetings', async () => {
		const { text } = await get(`/meetings/${demo.cancelledMeetingId}`);
		expect(text).toContain('Diese Sitzung wurde abgesagt.');
		expect(text).toMatch(/class="badge cancelled[^"]*">Abgesagt</);
	});

	it('answers unknown and malformed ids with a 404 page that shows a way back', async () => {
		const unknown = randomUUID();
		for (const path of [
			'/meetings/keine-sitzung',
			`/meetings/${unknown}`,
			`/meetings/${unknown}/meeting.ics`,
			`/papers/${unknown}`,
			'/papers/123',
			`/persons/${unknown}`,
			`/organizations/${unknown}`,
			'/organizations/rat/meetings.ics',
			`/meetings?gremium=${unknown}`,
			'/meetings?seite=9999',
			'/papers?seite=9999'
		]) {
			const { status, text } = await get(path);
			expect(status, path).toBe(404);
			if (!path.endsWith('.ics')) {
				expect(text, path).toContain('Seite nicht gefunden');
				expect(text, path).toContain('href="/meetings"');
			}
		}
	});

	it('answers malformed query parameters with 400 and says what to fix', async () => {
		const cases = [
			['/meetings?monat=2026-13', 'JJJJ-MM'],
			['/meetings?ansicht=kalender&monat=Dezember', 'JJJJ-MM'],
			['/meetings?gremium=42', 'UUID'],
			['/meetings?seite=0', 'Seitenzahl'],
			['/meetings?zeit=morgen', 'kommende'],
			['/papers?seite=zwei', 'Seitenzahl'],
			['/persons?fraktion=spd', 'UUID']
		];
		for (const [path, hint] of cases) {
			const { status, text } = await get(path);
			expect(status, path).toBe(400);
			expect(text, path).toContain('Ungültige Anfrage');
			expect(text, path).toContain(hint);
		}
	});

	it('says in English what to fix when the visitor chose English', async () => {
		const cases = [
			['/meetings?monat=2026-13', 'YYYY-MM', 'JJJJ-MM'],
			['/meetings?gremium=42', 'identifier (UUID) of a body', 'Kennung'],
			['/meetings?zeit=morgen', '“zeit” can be “kommende” (upcoming)', 'kann'],
			['/papers?seite=zwei', 'page number (“seite”)', 'Seitenzahl'],
			['/persons?fraktion=spd', '“fraktion” must be the identifier', 'Kennung']
		];
		for (const [path, hint, german] of cases) {
			for (const [cookie, acceptLanguage] of [
				['sprache=en', 'de'],
				[undefined, 'en-GB,en;q=0.9']
			]) {
				const { status, text } = await get(path, cookie, acceptLanguage);
				expect(status, path).toBe(400);
				expect(text, path).toContain('<html lang="en"');
				expect(text, path).toContain('Invalid request');
				expect(text, path).toContain(html(hint));
				expect(text, path).not.toContain(german);
			}
		}
	});

	it('shows how many non-public items a meeting has, but never their names', async () => {
		expect(demo.nonPublicCount).toBeGreaterThan(0);
		const { text } = await get(`/meetings/${demo.meetingId}`);
		const n = demo.nonPublicCount;
		expect(text).toContain(
			n === 1 ? 'umfasst 1 Tagesordnungspunkt.' : `umfasst ${n} Tagesordnungspunkte.`
		);
		expect(text).not.toContain(CANARY);
		for (const name of demo.nonPublicNames) expect(text).not.toContain(html(name));
	});

	it('keeps the canary off every page and feed the public can reach from that meeting', async () => {
		const paths = [
			`/meetings/${demo.meetingId}`,
			`/meetings/${demo.meetingId}/meeting.ics`,
			...demo.publicPaperIds.map((id) => `/papers/${id}`),
			`/organizations/${demo.organizationId}`,
			`/organizations/${demo.organizationId}/meetings.ics`,
			`/meetings?zeit=vergangene&gremium=${demo.organizationId}`,
			`/meetings?ansicht=kalender&monat=${demo.meetingMonth}`,
			'/meetings.ics',
			'/papers',
			'/persons',
			'/organizations'
		];
		for (const path of paths) {
			const { status, text } = await get(path);
			expect(status, path).toBe(200);
			expect(text, path).not.toContain(CANARY);
		}
		expect((await get(`/papers/${demo.nonPublicPaperId}`)).status).toBe(404);
	});

	/** The pages that have a calendar feed, each with its feed. */
	const pagesWithFeeds = () => [
		['/meetings', '/meetings.ics'],
		[`/organizations/${demo.organizationId}`, `/organizations/${demo.organizationId}/meetings.ics`],
		[`/meetings/${demo.meetingId}`, `/meetings/${demo.meetingId}/meeting.ics`]
	];

	it('announces the calendar feeds and offers them for download and subscription', async () => {
		for (const [path, feed] of pagesWithFeeds()) {
			const { text } = await get(path);
			expect(text, path).toMatch(
				new RegExp(`<link rel="alternate" type="text/calendar"[^>]*href="${feed}"`)
			);
			expect(text, path).toContain('Zum Kalender hinzufügen');
			expect(text, path).toContain(`href="${feed}"`);
		}
		expect((await get('/meetings')).text).toContain(`href="webcal://127.0.0.1:`);
	});

	it('links English pages to English feeds, since calendar apps send no language cookie', async () => {
		for (const [path, feed] of pagesWithFeeds()) {
			const { text } = await get(path, 'sprache=en');
			expect(text, path).toContain('Add to calendar');
			expect(text, path).toMatch(
				new RegExp(`<link rel="alternate" type="text/calendar"[^>]*href="${feed}\\?lang=en"`)
			);
			expect(text, path).toContain(`href="${feed}?lang=en" download`);
			expect(text, path).not.toContain(`href="${feed}"`);
		}
		expect((await get('/meetings', 'sprache=en')).text).toMatch(
			/href="webcal:\/\/127\.0\.0\.1:\d+\/meetings\.ics\?lang=en"/
		);
	});
});

describe('iCal feeds', () => {
	it('serves all meetings as RFC 5545 with CRLF, Europe/Berlin times and cancellations', async () => {
		const { status, headers, text } = await get('/meetings.ics');
		expect(status).toBe(200);
		expect(headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(
			text
				.split('\n')
				.slice(0, -1)
				.every((line) => line.endsWith('\r'))
		).toBe(true);
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		const { calendar, events } = parseCalendar(text);
		expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
			'Europe/Berlin'
		);
		const { count } = await anonClient()
			.from('meetings')
			.select('id', { count: 'exact', head: true })
			.gte('start_at', new Date(Date.now() - 365 * 86_400_000).toISOString());
		expect(events.length).toBe(count);
		const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue('uid')), e]));
		const meeting = byUid.get(`meeting-${demo.meetingId}@127.0.0.1`);
		expect(meeting?.getFirstPropertyValue('summary')).toBe(demo.meetingName);
		expect(meeting?.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
		expect(meeting?.getFirstPropertyValue('url')).toBe(`${appUrl}/meetings/${demo.meetingId}`);
		expect(meeting?.getFirstPropertyValue('dtstamp')).toBeTruthy();
		expect(meeting?.getFirstPropertyValue('status')).toBe('CONFIRMED');
		const cancelled = byUid.get(`meeting-${demo.cancelledMeetingId}@127.0.0.1`);
		expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
	});

	it('serves one meeting and one body with the same stable UID', async () => {
		const single = parseCalendar((await get(`/meetings/${demo.meetingId}/meeting.ics`)).text);
		expect(single.events).toHaveLength(1);
		const uid = single.events[0].getFirstPropertyValue('uid');
		expect(uid).toBe(`meeting-${demo.meetingId}@127.0.0.1`);
		const event = new ICAL.Event(single.events[0]);
		const { data } = await anonClient()
			.from('meetings')
			.select('start_at')
			.eq('id', demo.meetingId)
			.single();
		const zone = new ICAL.Timezone(single.calendar.getFirstSubcomponent('vtimezone')!);
		const start = event.startDate.clone();
		start.zone = zone;
		expect(start.toUnixTime()).toBe(Date.parse(data!.start_at) / 1000);

		const body = parseCalendar(
			(await get(`/organizations/${demo.organizationId}/meetings.ics`)).text
		);
		expect(body.events.length).toBeGreaterThan(1);
		expect(body.events.map((e) => e.getFirstPropertyValue('uid'))).toContain(uid);
		const all = parseCalendar((await get('/meetings.ics')).text);
		expect(body.events.length).toBeLessThan(all.events.length);
	});
});

describe('iCal feeds in the language of the visitor', () => {
	const calName = (text: string) =>
		parseCalendar(text).calendar.getFirstPropertyValue('x-wr-calname');

	/** The whole feed must stay valid RFC 5545 whatever the language. */
	function checkRfc5545(text: string) {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		return parseCalendar(text);
	}

	it('names the calendar and marks cancellations in German by default and in English with ?lang=en', async () => {
		const { data: cancelled } = await anonClient()
			.from('meetings')
			.select('name')
			.eq('id', demo.cancelledMeetingId)
			.single();
		const path = `/meetings/${demo.cancelledMeetingId}/meeting.ics`;
		const summary = (text: string) => new ICAL.Event(checkRfc5545(text).events[0]).summary;
		const description = (text: string) => new ICAL.Event(checkRfc5545(text).events[0]).description;

		const german = await get(path);
		expect(german.headers.get('content-language')).toBe('de');
		expect(summary(german.text)).toBe(`Abgesagt: ${cancelled!.name}`);
		expect(description(german.text)).toContain('Tagesordnung und Unterlagen: ');
		expect(calName(german.text)).toBe(cancelled!.name);

		const english = await get(`${path}?lang=en`);
		expect(english.status).toBe(200);
		expect(english.headers.get('content-language')).toBe('en');
		expect(english.headers.get('vary')).toContain('Accept-Language');
		expect(summary(english.text)).toBe(`Cancelled: ${cancelled!.name}`);
		expect(description(english.text)).toContain(
			`Agenda and documents: ${appUrl}/meetings/${demo.cancelledMeetingId}`
		);
		expect(english.text).not.toContain('Abgesagt');
	});

	it('follows the language cookie and Accept-Language, and ?lang= wins over both', async () => {
		const name = async (cookie?: string, acceptLanguage?: string, query = '') =>
			calName((await get(`/meetings.ics${query}`, cookie, acceptLanguage)).text);
		expect(await name()).toBe('Sitzungen – Stadt Rheinstadt');
		expect(await name(undefined, undefined, '?lang=en')).toBe('Meetings – City of Rheinstadt');
		expect(await name('sprache=en')).toBe('Meetings – City of Rheinstadt');
		expect(await name(undefined, 'en-US,en;q=0.8')).toBe('Meetings – City of Rheinstadt');
		expect(await name('sprache=en', 'en', '?lang=de')).toBe('Sitzungen – Stadt Rheinstadt');

		const { data: body } = await anonClient()
			.from('organizations')
			.select('name')
			.eq('id', demo.organizationId)
			.single();
		const feed = `/organizations/${demo.organizationId}/meetings.ics`;
		const german = checkRfc5545((await get(feed)).text);
		expect(german.calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Sitzungen – ${body!.name}`);
		const english = checkRfc5545((await get(`${feed}?lang=en`)).text);
		expect(english.calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Meetings – ${body!.name}`);
		expect(english.events.length).toBe(german.events.length);
		// Only the added words change, never the meetings themselves.
		const uids = (c: typeof german) => c.events.map((e) => e.getFirstPropertyValue('uid'));
		expect(uids(english)).toEqual(uids(german));
	});

	it('answers an unknown ?lang= with a 400 in the request language', async () => {
		for (const path of [
			'/meetings.ics?lang=fr',
			`/meetings/${demo.meetingId}/meeting.ics?lang=english`,
			`/organizations/${demo.organizationId}/meetings.ics?lang=EN`
		]) {
			const german = await get(path);
			expect(german.status, path).toBe(400);
			expect(german.text, path).toContain('kann „de“ (Deutsch) oder „en“ (Englisch) sein');
			const english = await get(path, 'sprache=en');
			expect(english.status, path).toBe(400);
			expect(english.text, path).toContain('can be “de” (German) or “en” (English)');
		}
	});
});

describe('non-public items', () => {
	let db: pg.Client;
	const draftMeetingId = randomUUID();

	beforeAll(async () => {
		db = new pg.Client({ connectionString: inject('dbUrl') });
		await db.connect();
		await db.query(
			`insert into meetings (id, body_id, name, start_at)
			 select $1, body_id, 'Entwurfssitzung Test', now() + interval '90 days'
			   from meetings where id = $2`,
			[draftMeetingId, demo.meetingId]
		);
		await db.query(
			`insert into agenda_items (meeting_id, "order", name, public, published_at)
			 values ($1, 1, $2, false, now() - interval '1 day')`,
			[draftMeetingId, `Geheim ${CANARY}`]
		);
	});
	afterAll(async () => {
		await db?.query('delete from meetings where id = $1', [draftMeetingId]);
		await db?.end();
	});

	it('are counted by nonpublic_item_count only for published meetings', async () => {
		const anon = anonClient();
		const published = await anon.rpc('nonpublic_item_count', { meeting_id: demo.meetingId });
		expect(published.data).toBe(demo.nonPublicCount);
		const draft = await anon.rpc('nonpublic_item_count', { meeting_id: draftMeetingId });
		expect(draft.error).toBeNull();
		expect(draft.data).toBe(0);
		expect((await get(`/meetings/${draftMeetingId}`)).status).toBe(404);
	});

	it('are left out of the paper type counts for the public (RLS applies to paper_type_counts)', async () => {
		const anon = anonClient();
		const { data, error } = await anon.rpc('paper_type_counts');
		expect(error).toBeNull();
		const visible = await anon.from('papers').select('id', { count: 'exact', head: true });
		const sum = data!.reduce((n, t) => n + t.papers, 0);
		expect(sum).toBe(visible.count);
		const { rows } = await db.query<{ n: number }>('select count(*)::int as n from papers');
		expect(sum).toBeLessThan(rows[0].n);
	});

	it('are shown to the signed-in council member of the body, marked non-public', async () => {
		const cookie = await appSession(appUrl, MEMBER_EMAIL, DEMO_PASSWORD);
		const { status, text, headers } = await get(`/meetings/${demo.meetingId}`, cookie);
		expect(status).toBe(200);
		expect(headers.get('cache-control')).toBe('private, no-store');
		expect(text).toContain('Nichtöffentlicher Teil');
		expect(text).toContain('>nichtöffentlich<');
		for (const name of demo.nonPublicNames) expect(text).toContain(html(name));
		expect(text).not.toContain('Mitglieder melden sich an');
		expect((await get(`/papers/${demo.nonPublicPaperId}`, cookie)).status).toBe(200);
	});
});
