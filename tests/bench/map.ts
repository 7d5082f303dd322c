// `npm run bench:map`: the map's bounding-box query (RPC project_map) over 10,000 synthetic
// projects, through PostgREST with the anon key, for typical map views. Goal: p95 ≤ 50 ms.
//
// It works in its own database `bench_map` on the running stack's server (the demo database is
// never touched): platform bootstrap + all migrations, then 10,000 published projects (points,
// lines and polygons, both kinds, every status, a third with an open participation phase) spread
// over the city. A second PostgREST on a free port serves that database; each view runs WARMUP
// times unmeasured and then RUNS times. The database is dropped at the end.
import { percentile, withBenchDatabase } from './bench-database.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;
const GOAL_P95_MS = 50;

/** The city (as in the demo data) and views a visitor typically opens. */
const city = { west: 6.68, south: 51.1, east: 6.94, north: 51.35 };
interface View {
	label: string;
	args: Record<string, unknown>;
}
const views: View[] = [
	{ label: 'city, desktop (20×9 cells)', args: { ...city, grid_columns: 20, grid_rows: 9 } },
	{ label: 'city, phone (6×12 cells)', args: { ...city, grid_columns: 6, grid_rows: 12 } },
	{
		label: 'city, traffic + participation open',
		args: { ...city, grid_columns: 20, grid_rows: 9, kinds: ['traffic'], open_only: true }
	},
	{
		label: 'district (zoom 13)',
		args: { west: 6.75, south: 51.2, east: 6.84, north: 51.25, grid_columns: 20, grid_rows: 9 }
	},
	{
		label: 'quarter (zoom 15)',
		args: { west: 6.77, south: 51.215, east: 6.795, north: 51.228, grid_columns: 20, grid_rows: 9 }
	},
	{
		label: 'street (zoom 17), building only',
		args: {
			west: 6.78,
			south: 51.22,
			east: 6.786,
			north: 51.223,
			grid_columns: 20,
			grid_rows: 9,
			kinds: ['building']
		}
	}
];

/** Synthetic projects in one statement: geometry and bounding box computed in SQL. */
const seedSql = `
with base as (
  select i,
    case i % 3 when 0 then 'Point' when 1 then 'LineString' else 'Polygon' end as gtype,
    6.68 + random() * 0.26 as x, 51.1 + random() * 0.25 as y,
    0.0005 + random() * 0.004 as d
  from generate_series(1, $1::int) i
), shaped as (
  select i, x, y, d,
    case gtype
      when 'Point' then jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(x, y))
      when 'LineString' then jsonb_build_object('type', 'LineString', 'coordinates',
        jsonb_build_array(jsonb_build_array(x, y), jsonb_build_array(x + d, y + d / 2),
                          jsonb_build_array(x + 2 * d, y)))
      else jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
        jsonb_build_array(x, y), jsonb_build_array(x + d, y), jsonb_build_array(x + d, y + d),
        jsonb_build_array(x, y + d), jsonb_build_array(x, y))))
    end as geometry,
    case gtype when 'Point' then 0 when 'LineString' then 2 * d else d end as w,
    case gtype when 'Point' then 0 when 'LineString' then d / 2 else d end as h
  from base
)
insert into public.projects (id, slug, title, summary, kind, status, geometry, min_lng, min_lat,
  max_lng, max_lat, published_at)
select gen_random_uuid(), 'bench-' || i, 'Projekt ' || i, 'Synthetisches Projekt für den Benchmark',
  (array['building', 'traffic'])[1 + i % 2]::public.project_kind,
  (array['planning', 'participation', 'approved', 'construction', 'completed', 'stopped'])[1 + i % 6]::public.project_status,
  geometry, x, y, x + w, y + h, now() - interval '1 day'
from shaped`;

const phasesSql = `
insert into public.project_phases (project_id, name, position, starts_on, ends_on, participation)
select id, 'Beteiligung', 1, current_date - 10, current_date + 20, true
from public.projects where status = 'participation' or slug like '%7'`;

async function main() {
	await withBenchDatabase('bench_map', async ({ db, startApi }) => {
		const t = performance.now();
		await db.query(seedSql, [PROJECTS]);
		await db.query(phasesSql);
		await db.query('analyze');
		console.log(`seeded ${PROJECTS} projects in ${((performance.now() - t) / 1000).toFixed(1)} s`);

		const postgrest = await startApi();
		const { anonKey } = postgrest;
		const call = async (args: Record<string, unknown>) => {
			const start = performance.now();
			const response = await fetch(`${postgrest.url}/rpc/project_map`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					authorization: `Bearer ${anonKey}`,
					apikey: anonKey
				},
				body: JSON.stringify(args)
			});
			const body = await response.text();
			const ms = performance.now() - start;
			if (!response.ok) throw new Error(`project_map failed: ${response.status} ${body}`);
			const cells = JSON.parse(body) as { cell_count: number }[];
			return { ms, cells: cells.length, projects: cells.reduce((s, c) => s + c.cell_count, 0) };
		};

		console.log(`\nproject_map through PostgREST (anon key), ${RUNS} runs per view:\n`);
		console.log('view                                   projects  cells     KB   p50 ms   p95 ms');
		const all: number[] = [];
		for (const view of views) {
			for (let i = 0; i < WARMUP; i++) await call(view.args);
			const times: number[] = [];
			let last = { cells: 0, projects: 0 };
			for (let i = 0; i < RUNS; i++) {
				const r = await call(view.args);
				times.push(r.ms);
				last = r;
			}
			const size = (
				await (
					await fetch(`${postgrest.url}/rpc/project_map`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', apikey: anonKey },
						body: JSON.stringify(view.args)
					})
				).text()
			).length;
			times.sort((a, b) => a - b);
			all.push(...times);
			console.log(
				`${view.label.padEnd(38)} ${String(last.projects).padStart(8)} ${String(last.cells).padStart(6)} ${(size / 1024).toFixed(1).padStart(6)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)}`
			);
		}
		all.sort((a, b) => a - b);
		const p95 = percentile(all, 95);
		console.log(
			`\nall views: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal ≤ ${GOAL_P95_MS} ms: ${p95 <= GOAL_P95_MS ? 'met' : 'NOT met'})`
		);
	});
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
