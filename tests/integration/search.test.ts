// Search for the press: quality on the demo data (expectations read from the database, never
// hard-coded), filters and facets, visibility through RLS (fixture world with canary rows), the
// search document triggers, saved searches, the feed, the CSV export and bad input on the app
// routes. Everything through PostgREST RPC with real JWTs or through the app over HTTP.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appSession } from '../support/app-session.ts';
import { anonClient, type Client } from '../support/clients.ts';
import { CANARY, createWorld, type World } from '../support/fixtures.ts';

const appUrl = inject('appUrl');
let w: World;
let anon: Client;

beforeAll(async () => {
	w = await createWorld();
	anon = anonClient();
}, 120_000);
afterAll(async () => {
	await w?.cleanup();
});

type Args = { q: string } & Record<string, unknown>;

async function search(client: Client, args: Args) {
	const { data, error } = await client.rpc('search', { page_limit: 1000, ...args });
	if (error) throw new Error(error.message);
	return { rows: data, total: data[0]?.total ?? 0 };
}

async function facets(client: Client, args: Args) {
	const { data, error } = await client.rpc('search_facets', args);
	if (error) throw new Error(error.message);
	return data as {
		total: number;
		kind: Record<string, number>;
		paper_type: Record<string, number>;
		result: Record<string, number>;
		year: Record<string, number>;
		organization: { id: string; name: string; count: number }[];
	};
}

/** A published public paper of the demo data, read as anon (what the public can find). */
async function publicPaper(nameLike: string) {
	const { data, error } = await anon
		.from('papers')
		.select('id, reference, name, paper_type')
		.ilike('name', nameLike)
		.order('reference')
		.limit(1)
		.single();
	if (error) throw new Error(error.message);
	return data;
}

function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') {
			row.push(field);
			field = '';
		} else if (c === '\n') {
			row.push(field.replace(/\r$/, ''));
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	return rows;
}

describe('search quality on the demo data', () => {
	it('finds "Bebauungsplan" for the inflected "Bebauungspläne"', async () => {
		const { data: expected } = await anon
			.from('papers')
			.select('id')
			.ilike('name', '%Bebauungsplan %');
		expect(expected?.length).toBeGreaterThan(0);
		const { rows } = await search(anon, { q: 'Bebauungspläne', kinds: ['paper'] });
		const found = new Set(rows.map((r) => r.source_id));
		for (const p of expected ?? []) expect(found.has(p.id)).toBe(true);
	});

	it('treats "Strasse" and "Straße" alike', async () => {
		const a = await facets(anon, { q: 'Strasse' });
		const b = await facets(anon, { q: 'Straße' });
		expect(a.total).toBeGreaterThan(0);
		expect(a.total).toBe(b.total);
	});

	it('corrects the typo "Bebaungsplan" and the correction finds the papers', async () => {
		expect((await facets(anon, { q: 'Bebaungsplan' })).total).toBe(0);
		const { data, error } = await anon.rpc('search_did_you_mean', { q: 'Bebaungsplan' });
		expect(error).toBeNull();
		expect(data).toBe('bebauungsplan');
		expect((await facets(anon, { q: data! })).total).toBeGreaterThan(0);
		const html = await (await fetch(`${appUrl}/search?q=Bebaungsplan`)).text();
		expect(html).toContain('Meinten Sie');
		expect(html).toMatch(/Bebauungsplan/);
	});

	it('matches a reference number exactly and ranks its paper first', async () => {
		const paper = await publicPaper('%Bebauungsplan%');
		const { rows } = await search(anon, { q: paper.reference });
		expect(rows[0].kind).toBe('paper');
		expect(rows[0].source_id).toBe(paper.id);
		// Another number of the same year is a different lexeme: no cross-matching by the year part.
		for (const r of rows.filter((r) => r.kind === 'paper'))
			expect(r.reference).toBe(paper.reference);
	});

	it('supports quoted phrases', async () => {
		const paper = await publicPaper('Anfrage der Fraktion % Verfahrensstand Bebauungsplan%');
		const loose = await facets(anon, { q: 'Bebauungsplan Verfahrensstand' });
		const phrase = await facets(anon, { q: '"Verfahrensstand Bebauungsplan"' });
		const reversed = await facets(anon, { q: '"Bebauungsplan Verfahrensstand"' });
		expect(paper.id).toBeTruthy();
		expect(phrase.total).toBeGreaterThan(0);
		expect(phrase.total).toBeLessThanOrEqual(loose.total);
		expect(reversed.total).toBeLessThan(phrase.total);
	});

	it('excludes words with a minus and combines alternatives with OR', async () => {
		const all = await search(anon, { q: 'Bebauungsplan', kinds: ['agenda_item'] });
		const without = await search(anon, {
			q: 'Bebauungsplan -Satzungsbeschluss',
			kinds: ['agenda_item']
		});
		const excluded = all.rows.filter((r) => r.title.includes('Satzungsbeschluss')).length;
		expect(excluded).toBeGreaterThan(0);
		// Also items that mention the word only in their resolution text drop out.
		expect(without.total).toBeLessThanOrEqual(all.total - excluded);
		expect(without.total).toBeGreaterThan(0);
		expect(without.rows.some((r) => r.title.includes('Satzungsbeschluss'))).toBe(false);
		const a = (await facets(anon, { q: 'Radweg' })).total;
		const b = (await facets(anon, { q: 'Kita' })).total;
		const either = (await facets(anon, { q: 'Radweg OR Kita' })).total;
		expect(either).toBeGreaterThanOrEqual(Math.max(a, b));
		expect(either).toBeLessThanOrEqual(a + b);
	});

	it('highlights matches in snippets and links PDF hits to their page', async () => {
		const { rows } = await search(anon, { q: 'Bebauungsplan', kinds: ['file'], page_limit: 5 });
		expect(rows.length).toBeGreaterThan(0);
		expect(rows[0].page_number).toBeGreaterThan(0);
		expect(rows[0].snippet).toMatch(/\uE000[^\uE001]+\uE001/);
	});

	it('sorts by relevance, newest or oldest and pages with an exact total', async () => {
		const newest = await search(anon, { q: 'Radweg', sort: 'newest' });
		const dates = newest.rows.map((r) => r.date ?? '');
		expect(dates).toEqual([...dates].sort().reverse());
		const oldest = await search(anon, { q: 'Radweg', sort: 'oldest' });
		const asc = oldest.rows.filter((r) => r.date).map((r) => r.date);
		expect(asc).toEqual([...asc].sort());
		const p1 = await search(anon, { q: 'Radweg', page_limit: 10, page_offset: 0 });
		const p2 = await search(anon, { q: 'Radweg', page_limit: 10, page_offset: 10 });
		expect(p1.total).toBe(newest.total);
		expect(p2.total).toBe(newest.total);
		expect(newest.rows.length).toBe(newest.total);
		const ids1 = new Set(p1.rows.map((r) => `${r.source_id}/${r.page_number}`));
		expect(p2.rows.some((r) => ids1.has(`${r.source_id}/${r.page_number}`))).toBe(false);
	});
});

describe('filters and facets', () => {
	it('counts per type, body, paper type, decision and year match the filtered searches', async () => {
		const f = await facets(anon, { q: 'Bebauungsplan' });
		const { total } = await search(anon, { q: 'Bebauungsplan' });
		expect(f.total).toBe(total);
		expect(Object.values(f.kind).reduce((a, b) => a + b, 0)).toBe(total);
		for (const [kind, n] of Object.entries(f.kind)) {
			expect((await search(anon, { q: 'Bebauungsplan', kinds: [kind] })).total).toBe(n);
		}
		const org = f.organization[0];
		expect((await search(anon, { q: 'Bebauungsplan', organization: org.id })).total).toBe(
			org.count
		);
		const [ptype, pn] = Object.entries(f.paper_type)[0];
		expect((await search(anon, { q: 'Bebauungsplan', ptype })).total).toBe(pn);
		const [decision, dn] = Object.entries(f.result)[0];
		const decided = await search(anon, { q: 'Bebauungsplan', decision });
		expect(decided.total).toBe(dn);
		expect(decided.rows.every((r) => r.result === decision)).toBe(true);
		const [year, yn] = Object.entries(f.year)[0];
		const inYear = await search(anon, {
			q: 'Bebauungsplan',
			date_from: `${year}-01-01`,
			date_to: `${year}-12-31`
		});
		expect(inYear.total).toBe(yn);
	});

	it('a facet ignores its own filter but applies the others', async () => {
		const all = await facets(anon, { q: 'Bebauungsplan' });
		const papersOnly = await facets(anon, { q: 'Bebauungsplan', kinds: ['paper'] });
		expect(papersOnly.kind).toEqual(all.kind);
		expect(papersOnly.total).toBe(all.kind.paper);
		expect(Object.values(papersOnly.paper_type).reduce((a, b) => a + b, 0)).toBe(all.kind.paper);
	});
});

describe('visibility', () => {
	it(`never returns ${CANARY} to anon: search, facets, autocomplete, did-you-mean`, async () => {
		const { data: planted } = await w.service
			.from('papers')
			.select('id')
			.ilike('name', `%${CANARY}%`);
		expect(planted?.length).toBeGreaterThan(0);
		for (const q of [
			'KANARIENVOGEL',
			CANARY,
			`"${CANARY}"`,
			`Vertraulicher ${w.suffix}`,
			w.suffix
		]) {
			const { rows } = await search(anon, { q });
			expect(JSON.stringify(rows)).not.toContain('KANARIENVOGEL');
		}
		expect((await facets(anon, { q: 'KANARIENVOGEL' })).total).toBe(0);
		const ac = await anon.rpc('search_autocomplete', { q: 'Kanarienvogel' });
		expect(ac.error).toBeNull();
		expect(ac.data).toEqual([]);
		const dym = await anon.rpc('search_did_you_mean', { q: 'Kanarienvoge' });
		expect(dym.data ?? '').not.toMatch(/kanarien/i);
		// The document table itself is not part of the API.
		const direct = await fetch(`${inject('supabaseUrl')}/rest/v1/documents?select=title`, {
			headers: { apikey: inject('anonKey'), 'accept-profile': 'search' }
		});
		expect(direct.status).toBeGreaterThanOrEqual(400);
	});

	it('shows a member their non-public hits, marked as such; citizens and anon see none', async () => {
		const q = `KANARIENVOGEL ${w.suffix}`;
		const member = await search(w.clients.member, { q });
		const secret = member.rows.filter((r) => !r.is_public);
		expect(secret.length).toBeGreaterThan(0);
		expect(secret.map((r) => r.title).join(' ')).toContain('Vorlage A');
		expect(member.rows.some((r) => r.title.includes('Vorlage B'))).toBe(false);
		expect((await search(w.clients.citizen, { q })).total).toBe(0);
		expect((await search(anon, { q })).total).toBe(0);
		const editor = await search(w.clients.editor, { q });
		expect(editor.total).toBeGreaterThan(member.total);
	});

	it('keeps documents current through triggers: new, made non-public, deleted', async () => {
		const word = `Sucheintrag${w.suffix}`;
		const id = randomUUID();
		await w.db.query(
			`insert into public.papers (id, body_id, reference, name, paper_type, date, published_at)
			 values ($1, $2, $3, $4, 'Anfrage', current_date, now() - interval '1 hour')`,
			[id, w.ids.body, `TRG-${w.suffix}`, `Anfrage ${word}`]
		);
		expect((await search(anon, { q: word })).rows.map((r) => r.source_id)).toEqual([id]);
		await w.db.query('update public.papers set public = false where id = $1', [id]);
		expect((await search(anon, { q: word })).total).toBe(0);
		expect((await search(w.clients.editor, { q: word })).rows[0].is_public).toBe(false);
		await w.db.query(
			"update public.papers set public = true, published_at = now() + interval '1 day' where id = $1",
			[id]
		);
		expect((await search(anon, { q: word })).total).toBe(0);
		await w.db.query('delete from public.papers where id = $1', [id]);
		expect((await search(w.clients.editor, { q: word })).total).toBe(0);
	});

	it('finds meetings, agenda items and papers of a renamed body by its new name', async () => {
		const word = `Umbenennungsausschuss${w.suffix}`;
		const { rows: old } = await w.db.query<{ name: string }>(
			'select name from public.organizations where id = $1',
			[w.ids.orgA]
		);
		expect((await search(anon, { q: word })).total).toBe(0);
		await w.db.query('update public.organizations set name = $2 where id = $1', [
			w.ids.orgA,
			`Ausschuss ${word}`
		]);
		try {
			const found = (await search(anon, { q: word })).rows.map((r) => r.source_id);
			expect(found).toEqual(
				expect.arrayContaining([w.ids.orgA, w.ids.meetingA, w.ids.itemPublic, w.ids.paperPublic])
			);
		} finally {
			await w.db.query('update public.organizations set name = $2 where id = $1', [
				w.ids.orgA,
				old[0].name
			]);
		}
		expect((await search(anon, { q: word })).total).toBe(0);
	});
});

describe('saved searches', () => {
	it('are private to their owner and count hits published since the last visit', async () => {
		const member = w.clients.member;
		const { data: saved, error } = await member
			.from('saved_searches')
			.insert({ user_id: w.users.member.id, name: 'Radwege', query: 'q=Radweg' })
			.select('id')
			.single();
		expect(error).toBeNull();
		const { data: others } = await w.clients.citizen.from('saved_searches').select('id');
		expect(others).toEqual([]);
		const { data: anonRows } = await anon.from('saved_searches').select('id');
		expect(anonRows).toEqual([]);
		const forged = await w.clients.citizen
			.from('saved_searches')
			.insert({ user_id: w.users.member.id, name: 'x', query: 'q=x' });
		expect(forged.error).not.toBeNull();
		const stolen = await w.clients.citizen
			.from('saved_searches')
			.delete({ count: 'exact' })
			.eq('id', saved!.id);
		expect(stolen.count).toBe(0);

		const all = await search(member, { q: 'Radweg' });
		const sinceLongAgo = await search(member, {
			q: 'Radweg',
			published_since: '2000-01-01T00:00:00Z'
		});
		const sinceNow = await search(member, {
			q: 'Radweg',
			published_since: new Date().toISOString()
		});
		expect(sinceLongAgo.total).toBe(all.total);
		expect(sinceNow.total).toBe(0);
		await member.from('saved_searches').delete().eq('id', saved!.id);
	});
});

describe('feed, export and bad input on the app routes', () => {
	it('announces an RSS feed whose items are the hits', async () => {
		const html = await (await fetch(`${appUrl}/search?q=Radweg`)).text();
		const link = html.match(
			/<link rel="alternate" type="application\/rss\+xml"[^>]*href="([^"]+)"/
		);
		expect(link).not.toBeNull();
		const res = await fetch(appUrl + link![1].replaceAll('&amp;', '&'));
		expect(res.headers.get('content-type')).toContain('application/rss+xml');
		const xml = await res.text();
		expect(xml.startsWith('<?xml')).toBe(true);
		const items = xml.match(/<item>/g)?.length ?? 0;
		expect(items).toBe(Math.min(50, (await search(anon, { q: 'Radweg' })).total));
	});

	it('exports every hit as CSV', async () => {
		const res = await fetch(`${appUrl}/search/export?q=Bebauungsplan`);
		expect(res.status).toBe(200);
		const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
		const { total } = await facets(anon, { q: 'Bebauungsplan' });
		expect(total).toBeGreaterThan(1000);
		expect(rows.length).toBe(total + 1);
		expect(rows[0][0]).toBe('Art');
		expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
	});

	it('speaks the language of the results page in the feed, also to a reader without cookies', async () => {
		const page = await fetch(`${appUrl}/search?q=Radweg`, { headers: { cookie: 'sprache=en' } });
		const link = (await page.text()).match(
			/<link rel="alternate" type="application\/rss\+xml"[^>]*href="([^"]+)"/
		);
		expect(link?.[1]).toMatch(/^\/search\/feed\?q=Radweg&amp;lang=en$/);
		// A feed reader sends neither the cookie nor an English Accept-Language.
		const res = await fetch(appUrl + link![1].replaceAll('&amp;', '&'), {
			headers: { 'accept-language': 'de' }
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-language')).toBe('en');
		const xml = await res.text();
		expect(xml).toContain('<language>en</language>');
		expect(xml).toContain('<title>Search “Radweg” – Rheinstadt council information</title>');
		expect(xml).toContain('<description>New results for “Radweg”');
		const english = ['Meeting', 'Agenda item', 'Paper', 'Document', 'Person', 'Body'];
		const kinds = [...xml.matchAll(/<item><title>([^:<]+):/g)].map((m) => m[1]);
		expect(kinds.length).toBeGreaterThan(0);
		for (const kind of kinds) expect(english).toContain(kind);

		const german = await (await fetch(`${appUrl}/search/feed?q=Radweg`)).text();
		expect(german).toContain('<language>de</language>');
		expect(german).toContain('<title>Suche „Radweg“ – Ratsinformation Rheinstadt</title>');
		expect(german).not.toContain('<title>Paper:');

		const bad = await fetch(`${appUrl}/search/feed?q=Radweg&lang=fr`);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('„lang“ kann „de“');
		const noQuery = await fetch(`${appUrl}/search/feed?lang=en`);
		expect(noQuery.status).toBe(400);
		expect(await noQuery.text()).toContain('A feed needs a search term');
	});

	it('heads the CSV export in the language of the page', async () => {
		const english = ['Meeting', 'Agenda item', 'Paper', 'Document', 'Person', 'Body'];
		for (const init of [{ headers: { cookie: 'sprache=en' } }, { query: '&lang=en' }]) {
			const query = 'query' in init ? init.query : '';
			const res = await fetch(`${appUrl}/search/export?q=Radweg${query}`, {
				headers: 'headers' in init ? init.headers : { 'accept-language': 'de' }
			});
			expect(res.status).toBe(200);
			expect(res.headers.get('content-disposition')).toBe('attachment; filename="search.csv"');
			const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
			expect(rows[0]).toEqual([
				'Type',
				'Title',
				'Reference',
				'Page',
				'Date',
				'Paper type',
				'Decision',
				'Public',
				'Link',
				'Excerpt'
			]);
			expect(rows.length).toBeGreaterThan(1);
			for (const row of rows.slice(1)) {
				expect(english).toContain(row[0]);
				expect(['yes', 'no']).toContain(row[7]);
			}
		}
		const german = await fetch(`${appUrl}/search/export?q=Radweg`);
		expect(german.headers.get('content-disposition')).toBe('attachment; filename="suche.csv"');
		expect(parseCsv((await german.text()).replace(/^\uFEFF/, ''))[0][0]).toBe('Art');
	});

	it('labels suggestions and their errors in the language of the page', async () => {
		const suggest = async (q: string, lang: string) =>
			fetch(`${appUrl}/api/search/suggest?${new URLSearchParams({ q })}`, {
				headers: { cookie: `sprache=${lang}` }
			});
		const labels = { de: new Set<string>(), en: new Set<string>() };
		for (const lang of ['de', 'en'] as const) {
			const res = await suggest('Bebauung', lang);
			expect(res.headers.get('content-language')).toBe(lang);
			const items = (await res.json()) as { kind: string; label: string }[];
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) labels[lang].add(`${item.kind}=${item.label}`);
		}
		expect(
			[...labels.de].every((l) =>
				/^(paper=Vorlage|meeting=Sitzung|person=Person|organization=Gremium)$/.test(l)
			)
		).toBe(true);
		expect(
			[...labels.en].every((l) =>
				/^(paper=Paper|meeting=Meeting|person=Person|organization=Body)$/.test(l)
			)
		).toBe(true);
		const tooLong = await suggest('y'.repeat(101), 'en');
		expect(tooLong.status).toBe(400);
		expect(await tooLong.json()).toEqual({ message: 'At most 100 characters.' });
		expect(await (await suggest('y'.repeat(101), 'de')).json()).toEqual({
			message: 'Höchstens 100 Zeichen.'
		});
	});

	it(`keeps ${CANARY} out of the page, feed and export for anon`, async () => {
		for (const path of ['/search', '/search/feed', '/search/export']) {
			const res = await fetch(`${appUrl}${path}?q=KANARIENVOGEL`);
			expect(res.status).toBe(200);
			expect(await res.text()).not.toContain('KANARIENVOGEL-');
		}
		const ac = await fetch(`${appUrl}/api/search/suggest?q=Kanarienvogel`);
		expect(await ac.json()).toEqual([]);
	});

	it('answers empty, huge, operator-laden and SQL-like queries without a 500', async () => {
		const empty = await fetch(`${appUrl}/search`);
		expect(empty.status).toBe(200);
		expect(await empty.text()).toContain('Wonach suchen Sie?');
		for (const q of [
			'x'.repeat(2000),
			'& | ! ( ) : *',
			'"unbalanced quote',
			"'; drop table papers; --",
			'Bebauungsplan:* & !(',
			'\\',
			'%_'
		]) {
			const res = await fetch(`${appUrl}/search?${new URLSearchParams({ q })}`);
			expect(res.status, q).toBe(200);
		}
		const tooLong = await fetch(`${appUrl}/search?q=${'x'.repeat(2001)}`);
		expect(tooLong.status).toBe(400);
		expect(await tooLong.text()).toContain('zu lang');
		for (const bad of [
			'typ=foo',
			'von=2026-13-01',
			'gremium=nope',
			'seite=0',
			'von=2026-02-01&bis=2026-01-01'
		]) {
			const res = await fetch(`${appUrl}/search?q=Rat&${bad}`);
			expect(res.status, bad).toBe(400);
		}
		const suggest = await fetch(`${appUrl}/api/search/suggest?q=${'y'.repeat(101)}`);
		expect(suggest.status).toBe(400);
	});
});

describe('messages of the search routes in the language of the visitor', () => {
	const request = (path: string, headers: Record<string, string> = {}) =>
		fetch(`${appUrl}${path}`, { headers: { 'accept-language': 'de', ...headers } });
	const english: Record<string, string>[] = [
		{ cookie: 'sprache=en', 'accept-language': 'de' },
		{ 'accept-language': 'en-GB,en;q=0.9' }
	];
	// [query, German text, English text] of malformed search parameters.
	const cases = [
		[
			'von=kaputt',
			'„von“ muss ein Datum der Form JJJJ-MM-TT sein',
			'“von” must be a date of the form YYYY-MM-DD'
		],
		['typ=foo', '„typ“ kann sein: sitzung, top,', '“typ” (type) can be: sitzung, top,'],
		[
			'gremium=nope',
			'„gremium“ muss die Kennung (UUID)',
			'“gremium” must be the identifier (UUID)'
		],
		['seite=0', 'Die Seitenzahl („seite“)', 'The page number (“seite”)'],
		['sortierung=abc', '„sortierung“ kann sein:', '“sortierung” (sort order) can be:'],
		[`ergebnis=${'x'.repeat(101)}`, '„ergebnis“ ist zu lang', '“ergebnis” is too long'],
		[
			'von=2026-02-01&bis=2026-01-01',
			'Das Datum „von“ darf nicht nach dem Datum „bis“ liegen.',
			'The date “von” (from) must not be after the date “bis” (to).'
		],
		[
			`q=${'x'.repeat(2001)}`,
			'Die Suchanfrage ist zu lang (höchstens 2000 Zeichen).',
			'The search query is too long (at most 2000 characters).'
		]
	];

	/** The 400 page for `path`: in `lang`, saying `says` and not `not`. */
	async function expectPage(
		path: string,
		res: Response,
		lang: 'de' | 'en',
		says: string,
		not: string
	) {
		expect(res.status, path).toBe(400);
		const text = await res.text();
		expect(text, path).toContain(`<html lang="${lang}"`);
		expect(text, path).toContain(lang === 'de' ? 'Ungültige Anfrage' : 'Invalid request');
		expect(text, path).toContain(says);
		expect(text, path).not.toContain(not);
	}

	it('answers malformed search parameters with a 400 page in German by default, in English for English visitors', async () => {
		for (const [query, german, inEnglish] of cases) {
			const path = query.startsWith('q=') ? `/search?${query}` : `/search?q=Rat&${query}`;
			await expectPage(path, await request(path), 'de', german, inEnglish);
			for (const headers of english) {
				await expectPage(path, await request(path, headers), 'en', inEnglish, german);
			}
		}
	});

	it('answers malformed feed and export parameters in the language of ?lang=, else of the request', async () => {
		for (const route of ['/search/feed', '/search/export']) {
			for (const [query, german, inEnglish] of cases.slice(0, 4)) {
				const path = `${route}?q=Radweg&${query}`;
				// A feed reader sends no cookie: the English page's link carries ?lang=en.
				const byLang = await request(`${path}&lang=en`);
				expect(byLang.status, path).toBe(400);
				const byLangText = await byLang.text();
				expect(byLangText, path).toContain(inEnglish);
				expect(byLangText, path).not.toContain(german);
				const byCookie = await request(path, english[0]);
				expect(byCookie.status, path).toBe(400);
				expect(await byCookie.text(), path).toContain(inEnglish);
				const de = await request(path);
				expect(de.status, path).toBe(400);
				expect(await de.text(), path).toContain(german);
				const overruled = await request(`${path}&lang=de`, english[0]);
				expect(await overruled.text(), path).toContain(german);
			}
		}
	});

	it('tells about failed saves and unknown saved searches in the language of the visitor', async () => {
		// The JSON form of a SvelteKit action (what `use:enhance` sends).
		const action = async (
			path: string,
			fields: Record<string, string>,
			headers: Record<string, string>
		) => {
			const res = await fetch(`${appUrl}${path}`, {
				method: 'POST',
				headers: {
					origin: appUrl,
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					'content-type': 'application/x-www-form-urlencoded',
					...headers
				},
				body: new URLSearchParams(fields)
			});
			return (await res.json()) as { type: string; status: number; data: string };
		};
		const save = (query: string, name: string, headers: Record<string, string>) =>
			action(`/search?/save&${query}`, { name }, headers);
		const anonymous = await save('q=Radweg', 'Radwege', { cookie: 'sprache=en' });
		expect(anonymous.type).toBe('failure');
		expect(anonymous.status).toBe(401);
		expect(anonymous.data).toContain('Please sign in.');
		expect((await save('q=Radweg', 'Radwege', {})).data).toContain('Bitte melden Sie sich an.');

		const session = await appSession(appUrl, w.users.citizen.email, w.users.citizen.password);
		const en = { cookie: `${session}; sprache=en` };
		const de = { cookie: session };
		for (const [query, name, german, inEnglish] of [
			['q=Radweg', ' ', 'Bitte geben Sie der Suche einen Namen.', 'Please give the search a name.'],
			[
				'q=Radweg',
				'x'.repeat(121),
				'Der Name ist zu lang (höchstens 120 Zeichen).',
				'The name is too long (at most 120 characters).'
			],
			[
				'q=Radweg&von=kaputt',
				'Radwege',
				'„von“ muss ein Datum der Form JJJJ-MM-TT sein',
				'“von” must be a date of the form YYYY-MM-DD'
			],
			[
				'q=',
				'Leer',
				'Eine leere Suche kann nicht gespeichert werden.',
				'An empty search cannot be saved.'
			]
		]) {
			const inEn = await save(query, name, en);
			expect(inEn.status, query + name).toBe(400);
			expect(inEn.data, query + name).toContain(inEnglish);
			const inDe = await save(query, name, de);
			expect(inDe.status, query + name).toBe(400);
			expect(inDe.data, query + name).toContain(german);
		}
		const badId = await request('/search/saved/kaputt', en);
		expect(badId.status).toBe(400);
		expect(await badId.text()).toContain('The identifier of the saved search is invalid.');
		const remove = (id: string, headers: Record<string, string>) =>
			action('/search/saved?/delete', { id }, headers);
		const gone = await remove(randomUUID(), en);
		expect(gone.status).toBe(404);
		expect(gone.data).toContain('This saved search does not exist (any more).');
		expect((await remove('kaputt', de)).data).toContain(
			'Die Kennung der gespeicherten Suche ist ungültig.'
		);
		const { data: rows } = await w.clients.citizen.from('saved_searches').select('id');
		expect(rows).toEqual([]);
	});

	it('names what a calendar feed could not find in the language of the feed', async () => {
		const meeting = `/meetings/${randomUUID()}/meeting.ics`;
		const body = `/organizations/${randomUUID()}/meetings.ics`;
		const text = async (path: string, headers?: Record<string, string>) => {
			const res = await request(path, headers);
			expect(res.status, path).toBe(404);
			return res.text();
		};
		expect(await text(meeting)).toContain('Sitzung nicht gefunden.');
		expect(await text(`${meeting}?lang=en`)).toContain('Meeting not found.');
		expect(await text(meeting, english[1])).toContain('Meeting not found.');
		expect(await text(`${meeting}?lang=de`, english[0])).toContain('Sitzung nicht gefunden.');
		expect(await text(body)).toContain('Gremium nicht gefunden.');
		expect(await text(`${body}?lang=en`)).toContain('Body not found.');
		expect(await text('/organizations/kein-gremium/meetings.ics?lang=en')).toContain(
			'Body not found.'
		);
	});
});
