import { describe, expect, it } from 'vitest';
import { BBOX, CANARY, DEFAULT_TODAY, generateDemoData, type DemoData } from './demo-data.ts';
import { renderPdf } from './pdf-render.ts';

const data = generateDemoData();
const today = DEFAULT_TODAY;
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const meetings = byId(data.meetings);
const items = byId(data.agenda_items);
const papers = byId(data.papers);
const isDraft = (publishedAt: string | null | undefined) =>
	publishedAt == null || publishedAt.slice(0, 10) > today;

/** Every row of every table, with a flag saying whether it must carry the canary. */
function allRows(d: DemoData): { table: string; row: unknown; secret: boolean }[] {
	const out: { table: string; row: unknown; secret: boolean }[] = [];
	for (const [table, value] of Object.entries(d)) {
		if (!Array.isArray(value)) continue;
		for (const row of value) {
			if (table === 'files') {
				out.push({ table, row, secret: !row.row.public });
			} else {
				const secret = (table === 'agenda_items' || table === 'papers') && row.public === false;
				out.push({ table, row, secret });
			}
		}
	}
	return out;
}

describe('generateDemoData', () => {
	it('is deterministic', () => {
		expect(generateDemoData()).toEqual(data);
		const other = generateDemoData({ seed: 7 });
		expect(other.papers[0].id).not.toBe(data.papers[0].id);
	});

	it('gives every row a unique UUID v4', () => {
		const ids = allRows(data).flatMap(({ row }) => {
			const r = row as { id?: string; row?: { id: string } };
			return r.row?.id ?? r.id ?? [];
		});
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids)
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});

	it('builds the city, its bodies and people', () => {
		expect(data.bodies).toHaveLength(1);
		expect(data.bodies[0]).toMatchObject({ name: 'Stadt Rheinstadt', ags: '05111000' });
		expect(data.legislative_terms[0]).toMatchObject({
			start_date: '2025-11-01',
			end_date: '2030-10-31'
		});
		const types = data.organizations.map((o) => o.organization_type);
		expect(types.filter((t) => t === 'council')).toHaveLength(1);
		expect(types.filter((t) => t === 'district_council')).toHaveLength(10);
		expect(types.filter((t) => t === 'committee').length).toBeGreaterThanOrEqual(13);
		expect(types.filter((t) => t === 'faction').length).toBeGreaterThanOrEqual(5);
		expect(data.persons.length).toBeGreaterThanOrEqual(110);
		expect(data.persons.length).toBeLessThanOrEqual(140);
		const roles = new Set(data.memberships.map((m) => m.role));
		for (const role of ['Vorsitz', 'stellv. Vorsitz', 'Mitglied', 'sachkundige Bürgerin']) {
			expect(roles).toContain(role);
		}
	});

	it('has two years of meetings: past ones with results, upcoming ones, a few cancelled', () => {
		expect(data.meetings.length).toBeGreaterThanOrEqual(250);
		expect(data.meetings.length).toBeLessThanOrEqual(350);
		const past = data.meetings.filter((m) => m.start_at.slice(0, 10) < today);
		const soon = data.meetings.filter((m) => {
			const day = m.start_at.slice(0, 10);
			return day >= today && day <= '2026-12-12' && !m.cancelled;
		});
		expect(past.length).toBeGreaterThan(100);
		expect(soon.length).toBeGreaterThanOrEqual(4);
		expect(past.every((m) => m.cancelled || m.meeting_state === 'durchgefuehrt')).toBe(true);
		expect(soon.every((m) => m.meeting_state !== 'durchgefuehrt')).toBe(true);
		expect(data.meetings.filter((m) => m.cancelled).length).toBeGreaterThanOrEqual(3);
		for (const m of data.meetings) {
			expect(
				m.start_at.slice(0, 10) >= '2025-12-01' && m.start_at.slice(0, 10) <= '2027-11-30'
			).toBe(true);
		}
		const orgsPerMeeting = new Map<string, number>();
		for (const mo of data.meeting_organizations) {
			orgsPerMeeting.set(mo.meeting_id, (orgsPerMeeting.get(mo.meeting_id) ?? 0) + 1);
		}
		expect(orgsPerMeeting.size).toBe(data.meetings.length);
		expect([...orgsPerMeeting.values()].some((n) => n > 1)).toBe(true);
	});

	it('numbers agendas with the public part first and results only for past meetings', () => {
		expect(data.agenda_items.length).toBeGreaterThanOrEqual(2500);
		expect(data.agenda_items.length).toBeLessThanOrEqual(3600);
		const secret = data.agenda_items.filter((i) => !i.public).length / data.agenda_items.length;
		expect(secret).toBeGreaterThan(0.06);
		expect(secret).toBeLessThan(0.14);
		expect(data.agenda_items.some((i) => i.is_supplement)).toBe(true);
		const perMeeting = Map.groupBy(data.agenda_items, (i) => i.meeting_id);
		for (const [meetingId, list] of perMeeting) {
			const sorted = [...list].sort((a, b) => a.order - b.order);
			expect(sorted.map((i) => i.order)).toEqual(sorted.map((_, i) => i + 1));
			expect(new Set(sorted.map((i) => i.number)).size).toBe(sorted.length);
			const firstSecret = sorted.findIndex((i) => !i.public);
			if (firstSecret >= 0) expect(sorted.slice(firstSecret).every((i) => !i.public)).toBe(true);
			const past = (meetings.get(meetingId)?.start_at ?? '').slice(0, 10) < today;
			if (!past) expect(sorted.every((i) => i.result == null)).toBe(true);
		}
		const results = new Set(data.agenda_items.map((i) => i.result).filter(Boolean));
		for (const r of [
			'angenommen',
			'abgelehnt',
			'vertagt',
			'zur Kenntnis genommen',
			'geändert angenommen'
		]) {
			expect(results).toContain(r);
		}
	});

	it('has papers of every type with unique references and search material', () => {
		expect(data.papers.length).toBeGreaterThanOrEqual(1300);
		expect(data.papers.length).toBeLessThanOrEqual(1700);
		expect(new Set(data.papers.map((p) => p.paper_type))).toEqual(
			new Set([
				'Beschlussvorlage',
				'Antrag',
				'Anfrage',
				'Mitteilungsvorlage',
				'Änderungsantrag',
				'Dringlichkeitsantrag'
			])
		);
		const refs = data.papers.map((p) => p.reference);
		expect(new Set(refs).size).toBe(refs.length);
		for (const ref of refs) expect(ref).toMatch(/^\d{5}\/\d{4}$/);
		const secret = data.papers.filter((p) => !p.public).length / data.papers.length;
		expect(secret).toBeGreaterThan(0.05);
		expect(secret).toBeLessThan(0.11);
		const names = data.papers.map((p) => p.name).join('\n');
		for (const word of [
			'Bebauungsplan',
			'Bebauungspläne',
			'Radverkehr',
			'Straße',
			'Strasse',
			'Stadtbahn',
			'Schulsanierung',
			'Klimaschutz',
			'Haushalt'
		]) {
			expect(names).toContain(word);
		}
		const relations = new Set(data.paper_relations.map((r) => r.relation));
		expect(relations).toContain('amendment');
		expect(relations).toContain('supplement');
	});

	it('keeps every Beratungsfolge in order: meetings ascending, the decision last', () => {
		const perPaper = Map.groupBy(data.consultations, (c) => c.paper_id);
		expect(perPaper.size).toBe(data.papers.length);
		for (const list of perPaper.values()) {
			const sorted = [...list].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
			expect(sorted.map((c) => c.position)).toEqual(sorted.map((_, i) => i));
			const authoritative = sorted.filter((c) => c.authoritative);
			expect(authoritative.length).toBeLessThanOrEqual(1);
			if (authoritative.length) {
				expect(sorted.at(-1)?.authoritative).toBe(true);
				expect(sorted.at(-1)?.role).toBe('beschliessend');
			}
			const dates = sorted.flatMap((c) =>
				c.meeting_id ? [meetings.get(c.meeting_id)?.start_at as string] : []
			);
			expect([...dates].sort()).toEqual(dates);
			for (const c of sorted) {
				if (!c.agenda_item_id) continue;
				expect(items.get(c.agenda_item_id)?.meeting_id).toBe(c.meeting_id);
				const item = items.get(c.agenda_item_id);
				expect(item?.public).toBe(papers.get(c.paper_id)?.public);
			}
		}
	});

	it('carries the canary in exactly the non-public rows', () => {
		for (const { table, row, secret } of allRows(data)) {
			const json = JSON.stringify(row);
			if (json.includes(CANARY) !== secret) throw new Error(`${table}: ${json.slice(0, 300)}`);
		}
		for (const i of data.agenda_items.filter((i) => !i.public)) expect(i.name).toContain(CANARY);
		for (const p of data.papers.filter((p) => !p.public)) expect(p.name).toContain(CANARY);
		for (const f of data.files.filter((f) => !f.row.public)) {
			expect(f.row.name).toContain(CANARY);
			expect(f.pdf.title).toContain(CANARY);
		}
	});

	it('puts the canary into the extracted text of non-public PDFs only', async () => {
		const secret = data.files.filter((f) => !f.row.public).slice(0, 3);
		const open = data.files.filter((f) => f.row.public).slice(0, 3);
		for (const f of [...secret, ...open]) {
			const { pages } = await renderPdf(f.pdf);
			expect(pages.join('\n').includes(CANARY)).toBe(!f.row.public);
		}
	});

	it('gives every paper a main file; files follow the confidentiality of their owner', () => {
		const files = byId(data.files.map((f) => f.row));
		for (const p of data.papers) expect(files.get(p.main_file_id as string)?.public).toBe(p.public);
		for (const a of data.file_attachments) {
			const owner = a.paper_id
				? papers.get(a.paper_id)
				: a.agenda_item_id
					? items.get(a.agenda_item_id)
					: null;
			if (owner) expect(files.get(a.file_id)?.public).toBe(owner.public);
		}
		for (const m of data.meetings) {
			for (const id of [m.invitation_file_id, m.results_protocol_file_id]) {
				if (id) expect(files.get(id)?.public).toBe(true);
			}
		}
		// Papers and attachments have a set length; invitations and minutes run as long as they are.
		const sized = data.files.filter((f) => f.pdf.targetPages !== undefined);
		expect(sized.length).toBe(
			data.files.length -
				data.files.filter((f) => ['Einladung', 'Niederschrift'].includes(f.pdf.documentType)).length
		);
		const pages = sized.map((f) => f.pdf.targetPages as number);
		expect(pages.filter((n) => n >= 1 && n <= 12).length / pages.length).toBeGreaterThan(0.95);
		expect(pages.filter((n) => n > 100).length).toBeGreaterThanOrEqual(3);
		expect(pages.filter((n) => n > 100).length).toBeLessThanOrEqual(8);
		expect(pages.filter((n) => n >= 250)).toEqual([300]);
		const paths = data.files.map((f) => f.row.storage_path);
		expect(new Set(paths).size).toBe(paths.length);
	});

	it('keeps all geometry inside the city and computes the bounding boxes', () => {
		const inside = ([lng, lat]: number[]) =>
			lng >= BBOX.minLng && lng <= BBOX.maxLng && lat >= BBOX.minLat && lat <= BBOX.maxLat;
		for (const l of data.locations) {
			expect(inside((l.geojson as { coordinates: number[] }).coordinates)).toBe(true);
		}
		expect(new Set(data.projects.map((p) => (p.geometry as { type: string }).type))).toEqual(
			new Set(['Point', 'LineString', 'Polygon'])
		);
		for (const p of data.projects) {
			const flat = [(p.geometry as { coordinates: unknown }).coordinates].flat(Infinity);
			const coords = [];
			for (let i = 0; i < flat.length; i += 2) coords.push([flat[i], flat[i + 1]] as number[]);
			for (const c of coords) expect(inside(c)).toBe(true);
			expect(p.min_lng).toBe(Math.min(...coords.map((c) => c[0])));
			expect(p.max_lat).toBe(Math.max(...coords.map((c) => c[1])));
		}
	});

	it('has projects in every status, open ones with a participation phase around today', () => {
		expect(data.projects.length).toBeGreaterThanOrEqual(20);
		expect(new Set(data.projects.map((p) => p.status))).toEqual(
			new Set(['planning', 'participation', 'approved', 'construction', 'completed', 'stopped'])
		);
		expect(new Set(data.projects.map((p) => p.moderation_mode))).toEqual(new Set(['pre', 'post']));
		const open = data.project_phases.filter(
			(ph) => ph.participation && ph.starts_on === '2026-10-01' && ph.ends_on === '2027-06-30'
		);
		expect(open.length).toBeGreaterThanOrEqual(3);
		expect(data.projects.some((p) => isDraft(p.published_at))).toBe(true);
		expect(data.project_papers.length).toBeGreaterThan(0);
		expect(data.project_meetings.length).toBeGreaterThan(0);
	});

	it('dates project phases in order and in agreement with the status', () => {
		const contains = (ph: { starts_on?: string | null; ends_on?: string | null }) =>
			(ph.starts_on ?? '') <= today && (ph.ends_on == null || ph.ends_on >= today);
		for (const p of data.projects) {
			const phases = data.project_phases
				.filter((ph) => ph.project_id === p.id)
				.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
			expect(phases.map((ph) => ph.position)).toEqual(phases.map((_, i) => i));
			const starts = phases.flatMap((ph) => (ph.starts_on ? [ph.starts_on] : []));
			expect([...starts].sort()).toEqual(starts);
			const current = phases.filter(contains).map((ph) => ph.name);
			if (p.status === 'participation')
				expect(phases.some((ph) => ph.participation && contains(ph))).toBe(true);
			if (p.status === 'construction') expect(current).toEqual(['Bau']);
			if (p.status === 'completed')
				expect(phases.every((ph) => (ph.ends_on as string) < today)).toBe(true);
			if (p.status !== 'participation')
				expect(phases.some((ph) => ph.participation && contains(ph))).toBe(false);
		}
	});

	it('has drafts among meetings, agenda items and papers', () => {
		expect(data.meetings.some((m) => isDraft(m.published_at))).toBe(true);
		expect(data.agenda_items.some((i) => i.published_at === null)).toBe(true);
		expect(data.papers.some((p) => p.published_at === null)).toBe(true);
		expect(
			data.papers.filter((p) => !isDraft(p.published_at)).length / data.papers.length
		).toBeGreaterThan(0.9);
	});

	it('shapes comment threads as the database allows', () => {
		const comments = new Map(data.comments.map((c) => [c.row.id, c]));
		const projects = byId(data.projects);
		expect(new Set(data.comments.map((c) => c.state))).toEqual(
			new Set(['published', 'pending', 'hidden', 'removed_by_author', 'removed_by_moderator'])
		);
		for (const c of data.comments) {
			expect(c.row.body.length).toBeGreaterThan(0);
			expect(c.row.body.length).toBeLessThanOrEqual(5000);
			const project = projects.get(c.row.project_id);
			if (c.state === 'pending') expect(project?.moderation_mode).toBe('pre');
			if (c.row.is_official) expect(c.author).toBe('moderation@rheinstadt.example');
			if (c.row.pin_lng != null) {
				expect(c.row.pin_lng).toBeGreaterThanOrEqual(project?.min_lng as number);
				expect(c.row.pin_lat).toBeLessThanOrEqual(project?.max_lat as number);
			}
			if (c.row.parent_id) {
				const parent = comments.get(c.row.parent_id);
				expect(parent?.row.parent_id).toBeNull();
				expect(parent?.state).toBe('published');
				expect(parent?.row.project_id).toBe(c.row.project_id);
				expect(c.row.created_at > (parent?.row.created_at as string)).toBe(true);
			}
		}
		expect(data.comments.some((c) => c.row.parent_id && !c.row.is_official)).toBe(true);
		expect(data.comments.some((c) => c.row.is_official)).toBe(true);
		// Insertion order: parents before their replies.
		const seen = new Set<string>();
		for (const c of data.comments) {
			if (c.row.parent_id) expect(seen.has(c.row.parent_id)).toBe(true);
			seen.add(c.row.id);
		}
		for (const u of data.users) {
			expect(u.displayName.length).toBeGreaterThanOrEqual(2);
			expect(u.displayName.length).toBeLessThanOrEqual(40);
		}
	});

	it('links the council-member login to a member of the council and of a committee with closed items', () => {
		const active = data.memberships.filter(
			(m) =>
				m.person_id === data.councilMemberPersonId &&
				m.start_date <= today &&
				(m.end_date == null || m.end_date >= today)
		);
		const orgs = new Map(data.organizations.map((o) => [o.id, o]));
		const types = active.map((m) => orgs.get(m.organization_id)?.organization_type);
		expect(types).toContain('council');
		const committees = active.filter(
			(m) => orgs.get(m.organization_id)?.organization_type === 'committee'
		);
		const meetingsWithClosedItems = new Set(
			data.agenda_items.filter((i) => !i.public).map((i) => i.meeting_id)
		);
		const closedCommittee = committees.some((m) =>
			data.meeting_organizations.some(
				(mo) =>
					mo.organization_id === m.organization_id && meetingsWithClosedItems.has(mo.meeting_id)
			)
		);
		expect(closedCommittee).toBe(true);
	});
});
