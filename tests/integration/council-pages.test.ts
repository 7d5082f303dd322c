// The council pages as a visitor and as a council member fetch them from the production build:
// status codes, 404 and 400 pages, iCal feeds read with a real parser (ical.js), and that nothing
// non-public reaches the public while the member sees their bodies' non-public items.
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

async function get(path: string, cookie?: string) {
	const response = await fetch(`${appUrl}${path}`, {
		headers: { 'accept-language': 'de', ...(cookie ? { cookie } : {}) },
		redirect: 'manual'
	});
	return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Signs in through the app's own login form (no JavaScript), returning the session cookies. */
async function signIn(email: string, password: string): Promise<string> {
	const response = await fetch(`${appUrl}/login?/password`, {
		method: 'POST',
		headers: {
			origin: appUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	expect(response.status).toBe(303);
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	expect(cookies.some((c) => c.startsWith('sb-'))).toBe(true);
	return cookies.join('; ');
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

	it('announces the calendar feeds and offers them for download and subscription', async () => {
		for (const [path, feed] of [
			['/meetings', '/meetings.ics'],
			[
				`/organizations/${demo.organizationId}`,
				`/organizations/${demo.organizationId}/meetings.ics`
			],
			[`/meetings/${demo.meetingId}`, `/meetings/${demo.meetingId}/meeting.ics`]
		]) {
			const { text } = await get(path);
			expect(text, path).toMatch(
				new RegExp(`<link rel="alternate" type="text/calendar"[^>]*href="${feed}"`)
			);
			expect(text, path).toContain('Zum Kalender hinzufügen');
			expect(text, path).toContain(`href="${feed}"`);
		}
		expect((await get('/meetings')).text).toContain(`href="webcal://127.0.0.1:`);
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
		const cookie = await signIn(MEMBER_EMAIL, DEMO_PASSWORD);
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
