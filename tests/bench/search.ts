// `npm run bench:search`: search latency on a synthetic corpus of more than 1,000,000 searchable
// rows in the real embedded Postgres, through the same PostgREST RPC path the app uses.
//
// It works in its own database `bench_search` on the running stack's server (the demo database is
// never touched): platform bootstrap + all migrations, corpus from tests/bench/search-corpus.sql
// with triggers off, then the search documents and their indexes are built and timed. A second
// PostgREST on a free port serves that database as anon (no JWT: the anon role, RLS on). Each query
// runs once to warm up and then RUNS times through PostgREST and RUNS times as bare SQL (same
// function, same role and claims, over one pg connection). Last, the production build of the app
// serves the bench database and the CSV export of the word with the most hits is downloaded whole.
// The database is dropped at the end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { root } from '../../supabase/local/config.ts';
import { percentile, withBenchDatabase } from './bench-database.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

type Args = Record<string, unknown>;
interface Query {
	label: string;
	fn: 'search' | 'search_facets' | 'search_did_you_mean' | 'search_autocomplete';
	args: Args;
}

function queries(orgId: string): Query[] {
	const s = (label: string, args: Args): Query => ({ label, fn: 'search', args });
	const f = (label: string, args: Args): Query => ({ label, fn: 'search_facets', args });
	const words = [
		'Bebauungsplan',
		'Bebauungspläne',
		'Radweg',
		'Grundschule',
		'Kindertagesstätte',
		'Feuerwache',
		'Haushaltsplan',
		'Straßenbahnlinie',
		'Denkmalschutzsatzung',
		'Lärmaktionsplan',
		'Hochwasserschutzanlage',
		'Fahrradstraße',
		'Quartierszentrum',
		'Strasse',
		'Königsallee',
		'Verkehrskonzept',
		'Lärmgutachten',
		'Hochwasserstrategie',
		'Bäderbudget',
		'Kitaprojekt',
		'Schulsatzung',
		'Tunnelmonitoring',
		'Brückensanierung'
	];
	const phrases = [
		'"Kölner Straße"',
		'"Sanierung der Grundschule"',
		'"frühzeitigen Öffentlichkeitsbeteiligung"',
		'"Bebauungsplan Nr"',
		'"Lärmaktionsplan im Werftviertel"',
		'"Ausbau des Radwegs"',
		'Radweg -Königsallee',
		'Spielplatz OR Baumpflanzungen'
	];
	const typos = [
		'Bebaungsplan',
		'Verkehrsberuhigng',
		'Haushaltsatzung',
		'Lärmschutzwnd',
		'Verkehrskonzpet'
	];
	const refs = ['00001/2000', '04711/2001', '12345/2002', '99999/2000', '05000/2001', '31415/2002'];
	return [
		...words.map((q) => s(`word ${q}`, { q })),
		...phrases.map((q) => s(`phrase ${q}`, { q })),
		...typos.map((q): Query => ({ label: `typo ${q}`, fn: 'search_did_you_mean', args: { q } })),
		...refs.map((q) => s(`reference ${q}`, { q })),
		s('filter type=paper Radweg', { q: 'Radweg', kinds: ['paper'] }),
		s('filter type=file Feuerwache', { q: 'Feuerwache', kinds: ['file'] }),
		s('filter org Bebauungsplan', { q: 'Bebauungsplan', organization: orgId }),
		s('filter 2024 Haushaltsplan', {
			q: 'Haushaltsplan',
			date_from: '2024-01-01',
			date_to: '2024-12-31'
		}),
		s('filter paper type Antrag Kita', { q: 'Kita', ptype: 'Antrag' }),
		s('filter decision abgelehnt Spielplatz', { q: 'Spielplatz', decision: 'abgelehnt' }),
		s('sort newest Fahrradstraße', { q: 'Fahrradstraße', sort: 'newest' }),
		s('page 5 Quartierszentrum', { q: 'Quartierszentrum', page_offset: 80 }),
		s('filter type=paper Lärmgutachten', { q: 'Lärmgutachten', kinds: ['paper'] }),
		s('filter 2025 Schulsatzung', { q: 'Schulsatzung', date_from: '2025-01-01' }),
		f('facets Bebauungsplan', { q: 'Bebauungsplan' }),
		f('facets Denkmalschutzsatzung', { q: 'Denkmalschutzsatzung' }),
		f('facets "Kölner Straße"', { q: '"Kölner Straße"' }),
		f('facets Lärmaktionsplan', { q: 'Lärmaktionsplan' }),
		f('facets type=paper Radweg', { q: 'Radweg', kinds: ['paper'] }),
		f('facets org Feuerwache', { q: 'Feuerwache', organization: orgId }),
		f('facets reference 04711/2001', { q: '04711/2001' }),
		f('facets Hochwasserschutzanlage', { q: 'Hochwasserschutzanlage' }),
		f('facets Verkehrskonzept', { q: 'Verkehrskonzept' }),
		f('facets Bäderbudget', { q: 'Bäderbudget' }),
		{ label: 'autocomplete Bebau', fn: 'search_autocomplete', args: { q: 'Bebau' } },
		{ label: 'autocomplete 0471', fn: 'search_autocomplete', args: { q: '0471' } },
		{ label: 'autocomplete Müller', fn: 'search_autocomplete', args: { q: 'Müller' } },
		{ label: 'autocomplete Umweltaus', fn: 'search_autocomplete', args: { q: 'Umweltaus' } },
		{ label: 'autocomplete Königsall', fn: 'search_autocomplete', args: { q: 'Königsall' } }
	];
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function timed<T>(label: string, work: () => Promise<T>): Promise<number> {
	const start = performance.now();
	await work();
	const took = performance.now() - start;
	console.log(`${label}: ${(took / 1000).toFixed(1)} s`);
	return took;
}

async function main() {
	await withBenchDatabase('bench_search', async ({ db, reused, startApi, startApp }) => {
		let build = Number.NaN;
		let index = Number.NaN;
		if (!reused) {
			await timed('corpus load (triggers off)', () =>
				db.query(readFileSync(join(root, 'tests/bench/search-corpus.sql'), 'utf8'))
			);
			const indexes = await db.query<{ name: string; def: string }>(
				`select indexname as name, indexdef as def from pg_indexes
				 where schemaname = 'search' and tablename = 'documents' and indexname like 'documents\\_%\\_idx'`
			);
			for (const i of indexes.rows) await db.query(`drop index search.${i.name}`);
			build = await timed('search documents (tsvectors) built', () =>
				db.query('select search.rebuild()')
			);
			index = await timed('search indexes built', async () => {
				for (const i of indexes.rows) await db.query(i.def);
				await db.query('vacuum analyze search.documents');
				await db.query('analyze search.words');
			});
		}
		const sizes = await db.query<{
			rows: string;
			tsv: string;
			trgm: string;
			all_idx: string;
			table: string;
		}>(
			`select (select count(*) from search.documents) as rows,
			   pg_relation_size('search.documents_tsv_idx') as tsv,
			   pg_relation_size('search.documents_title_trgm_idx') as trgm,
			   pg_indexes_size('search.documents') as all_idx,
			   pg_table_size('search.documents') as table`
		);
		const z = sizes.rows[0];
		const orgId = (
			await db.query<{ id: string }>(
				`select id from public.organizations where name = 'Ausschuss für Planung und Stadtentwicklung'`
			)
		).rows[0].id;

		const api = await startApi();
		// Bare SQL with what PostgREST sets for an anonymous request: role anon and its claims.
		await db.query(`set role anon`);
		await db.query(`select set_config('request.jwt.claims', '{"role":"anon"}', false)`);

		const rpcTimes: number[] = [];
		const sqlTimes: number[] = [];
		const rows: string[] = [];
		for (const q of queries(orgId)) {
			const keys = Object.keys(q.args);
			const sql = `select * from public.${q.fn}(${keys.map((k, i) => `${k} => $${i + 1}`).join(', ')})`;
			const values = keys.map((k) => q.args[k]);
			const rpc = async () => {
				const res = await fetch(`${api.url}/rpc/${q.fn}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(q.args)
				});
				if (!res.ok) throw new Error(`${q.label}: ${res.status} ${await res.text()}`);
				return res.json();
			};
			const first = await rpc();
			await db.query(sql, values);
			const r: number[] = [];
			const b: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				let t = performance.now();
				await rpc();
				r.push(performance.now() - t);
				t = performance.now();
				await db.query(sql, values);
				b.push(performance.now() - t);
			}
			rpcTimes.push(...r);
			sqlTimes.push(...b);
			const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
			// "~" marks a total estimated from the sample (more than 10,000 hits).
			const total = (t: { total?: number; exact?: boolean; total_exact?: boolean } = {}) =>
				`${t.exact === false || t.total_exact === false ? '~' : ''}${t.total ?? 0}`;
			const hits = Array.isArray(first)
				? q.fn === 'search'
					? total(first[0])
					: String(first.length)
				: typeof first === 'object' && first
					? total(first)
					: String(first);
			rows.push(
				`${q.label.padEnd(44)} ${ms(med(r)).padStart(10)} ${ms(med(b)).padStart(10)}  ${hits}`
			);
		}
		await db.query('reset role');
		const exported = await measureExport(db, (await startApp()).url);

		console.log(
			`\n${'query'.padEnd(44)} ${'RPC p50'.padStart(10)} ${'SQL p50'.padStart(10)}  hits/answer`
		);
		for (const line of rows) console.log(line);
		const r = [...rpcTimes].sort((a, b) => a - b);
		const b = [...sqlTimes].sort((a, b) => a - b);
		console.log(`\nqueries: ${rows.length}, runs each: ${RUNS} (after one warm-up)`);
		console.log(`searchable rows (search.documents): ${Number(z.rows).toLocaleString('en')}`);
		console.log(
			reused
				? 'build: reused the kept database (BENCH_REUSE=1)'
				: `build: documents ${(build / 1000).toFixed(1)} s, indexes ${(index / 1000).toFixed(1)} s`
		);
		console.log(
			`size: table ${mb(Number(z.table))}, GIN tsvector ${mb(Number(z.tsv))}, trigram titles ${mb(Number(z.trgm))}, all indexes ${mb(Number(z.all_idx))}`
		);
		for (const p of [50, 95, 99]) {
			const rp = percentile(r, p);
			const bp = percentile(b, p);
			console.log(`p${p}: RPC ${ms(rp)}, bare SQL ${ms(bp)}, ratio ${(rp / bp).toFixed(2)}`);
		}
		const p95 = percentile(r, 95);
		const ratio = p95 / percentile(b, 95);
		console.log(
			`goal p95 ≤ 50 ms: ${p95 <= 50 ? 'met' : 'NOT met'}; goal ratio ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'}`
		);
		console.log(
			`\nCSV export of every hit of "${EXPORT_WORD}" through the app (anonymous download):\n` +
				`  rows ${exported.rows.toLocaleString('en')} of ${exported.expected.toLocaleString('en')} public hits` +
				` (${exported.rows === exported.expected ? 'complete' : 'INCOMPLETE'}), ${mb(exported.bytes)}\n` +
				`  first byte after ${ms(exported.firstByte)}, whole file after ${(exported.total / 1000).toFixed(1)} s` +
				` (${Math.round(exported.rows / (exported.total / 1000)).toLocaleString('en')} rows/s)`
		);
	});
}

/** The word with the most hits in the corpus (about 300,000). */
const EXPORT_WORD = 'Königsallee';

/**
 * Downloads /search/export for EXPORT_WORD from the app as a browser would, and counts its rows
 * against the public hits in the database.
 */
async function measureExport(db: pg.Client, appUrl: string) {
	const { rows } = await db.query<{ n: string }>(
		`select count(*) as n from search.documents d
		 where d.tsv @@ search.query($1) and d.public and d.published_at <= now()`,
		[EXPORT_WORD]
	);
	const start = performance.now();
	const res = await fetch(`${appUrl}/search/export?q=${encodeURIComponent(EXPORT_WORD)}`);
	if (!res.ok || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
	let firstByte = Number.NaN;
	let bytes = 0;
	let lines = 0;
	const reader = res.body.getReader();
	for (let next = await reader.read(); !next.done; next = await reader.read()) {
		if (Number.isNaN(firstByte)) firstByte = performance.now() - start;
		bytes += next.value.length;
		for (const byte of next.value) if (byte === 10) lines++;
	}
	return {
		rows: lines - 1, // the header line
		expected: Number(rows[0].n),
		bytes,
		firstByte,
		total: performance.now() - start
	};
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
