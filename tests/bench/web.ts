// npm run bench:web — what a visitor's browser pays, measured in real Chromium against the
// production build on the shared local stack:
//   (a) JavaScript shipped (gzip bytes) on the first load of a meeting page; goal ≤ 60 KB,
//   (b) time from navigation start to the first painted page of the ~300-page demo PDF in the
//       reader, and the PDF bytes transferred until then versus the file size; goal ≤ 1 s. Also
//       the reader page's HTML and everything transferred until the first page showed.
// It starts no stack: the stack must be running (npm start / npm run stack). It builds the app if
// sources changed and serves it on a free port, all under the test lock that browser tests use.
import { spawn, type ChildProcess } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { chromium, type Browser } from 'playwright-core';
import { buildApp, serveApp } from '../../supabase/local/app.ts';
import { readEnvFile } from '../../supabase/local/config.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { freePort } from '../support/free-port.ts';

type Client = SupabaseClient<Database>;

const LOCK = '/tmp/ratsinfo-tests.lock';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const supabaseUrl = 'http://127.0.0.1:54321';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function table(rows: string[][]) {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
	const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join(' │ ');
	console.log(line(rows[0]));
	console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
	for (const row of rows.slice(1)) console.log(line(row));
}

async function main() {
	const env = readEnvFile();
	const healthy = await fetch(`${supabaseUrl}/auth/v1/health`).then(
		(r) => r.ok,
		() => false
	);
	if (!healthy || !env.PUBLIC_SUPABASE_ANON_KEY || !env.SUPABASE_SERVICE_ROLE_KEY) {
		console.error('The local stack is not running on 127.0.0.1:54321: start it with `npm start`.');
		process.exit(1);
	}
	const anon: Client = createClient<Database>(supabaseUrl, env.PUBLIC_SUPABASE_ANON_KEY, {
		auth: { persistSession: false }
	});
	await buildApp((line) => console.log(line));
	const port = await freePort();
	const app: ChildProcess = await serveApp(
		{
			supabaseUrl,
			anonKey: env.PUBLIC_SUPABASE_ANON_KEY,
			serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
			port
		},
		'ignore'
	);
	const appUrl = `http://127.0.0.1:${port}`;
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run']
	});
	try {
		const js = await measureMeetingJs(browser, appUrl, anon);
		const pdf = await measurePdf(browser, appUrl, anon);
		console.log('\nbench:web — production build, Chromium, localhost\n');
		table([
			['measure', 'result', 'goal', 'ok'],
			[
				`JS on first load of ${js.path} (gzip)`,
				`${kb(js.gzip)} in ${js.files} files`,
				'≤ 60 KB',
				js.gzip <= 60 * 1024 ? 'yes' : 'NO'
			],
			[
				`PDF first page painted (median of ${RUNS}, min–max)`,
				`${Math.round(pdf.median)} ms (${Math.round(pdf.min)}–${Math.round(pdf.max)})`,
				'≤ 1000 ms',
				pdf.median <= 1000 ? 'yes' : 'NO'
			],
			['  of which: HTML response start (median)', `${Math.round(pdf.htmlStart)} ms`, '', ''],
			['Reader page HTML (transferred)', kb(pdf.htmlBytes), '', ''],
			[
				'All bytes until first page (HTML, CSS, JS, pdf.js + worker, PDF)',
				kb(pdf.allBytes),
				'',
				''
			],
			[
				'PDF bytes until first page / file size',
				`${kb(pdf.bytes)} / ${kb(pdf.size)} (${((100 * pdf.bytes) / pdf.size).toFixed(0)} %) in ${pdf.requests} range requests`,
				'far below',
				pdf.bytes < pdf.size / 2 ? 'yes' : 'NO'
			]
		]);
		console.log(`\nPDF: "${pdf.name}", ${pdf.pages} pages.`);
		if (js.fallback) {
			console.log('No meeting page (/meetings/<id>) answered 200 yet: measured the home page.');
		}
	} finally {
		await browser.close();
		app.kill('SIGTERM');
	}
}

async function measureMeetingJs(browser: Browser, appUrl: string, anon: Client) {
	const { data } = await anon
		.from('meetings')
		.select('id')
		.order('start_at', { ascending: false })
		.limit(1)
		.single();
	const meetingId = data?.id;
	let path = `/meetings/${meetingId}`;
	let fallback = false;
	if (!meetingId || (await fetch(`${appUrl}${path}`)).status !== 200) {
		path = '/';
		fallback = true;
	}
	const context = await browser.newContext();
	const page = await context.newPage();
	const pending: Promise<number>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() !== 'script') return;
		pending.push(
			response.body().then((body) => {
				// The PDF reader (pdf.js) never belongs to a meeting page's first load.
				if (/pdf\.worker/.test(response.url()) || body.includes('PDFDataRangeTransport')) return 0;
				return gzipSync(body, { level: 9 }).length;
			})
		);
	});
	await page.goto(`${appUrl}${path}`, { waitUntil: 'networkidle' });
	const sizes = await Promise.all(pending);
	await context.close();
	return {
		path,
		fallback,
		files: sizes.filter((s) => s > 0).length,
		gzip: sizes.reduce((a, b) => a + b, 0)
	};
}

async function measurePdf(browser: Browser, appUrl: string, anon: Client) {
	const { data, error } = await anon
		.from('files')
		.select('id, name, size, page_count')
		.order('page_count', { ascending: false, nullsFirst: false })
		.limit(1)
		.single();
	if (error || !data) throw new Error(`no demo PDF: ${error?.message}`);
	const file = { ...data, size: data.size ?? 0, page_count: data.page_count ?? 0 };
	const times: number[] = [];
	const starts: number[] = [];
	let bytes = 0;
	let requests = 0;
	let htmlBytes = 0;
	let allBytes = 0;
	for (let run = 0; run < RUNS; run++) {
		// A fresh context per run: nothing cached, as for a first visit.
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		let painted = false;
		let runBytes = 0;
		let runRequests = 0;
		// Everything the browser received before the first page showed: HTML, CSS, the app's JS,
		// pdf.js and its worker, the PDF ranges (encoded sizes, as transferred).
		const transfers: Promise<{ html: number; all: number }>[] = [];
		page.on('requestfinished', (request) => {
			if (painted) return;
			transfers.push(
				Promise.all([request.sizes(), request.response()]).then(
					([sizes, response]) => {
						// Chromium reports no body size for a worker's script: take its Content-Length.
						const body =
							sizes.responseBodySize || Number(response?.headers()['content-length'] ?? 0);
						return {
							html: request.resourceType() === 'document' ? body : 0,
							all: body + sizes.responseHeadersSize
						};
					},
					() => ({ html: 0, all: 0 })
				)
			);
		});
		page.on('response', async (response) => {
			if (!response.url().includes('/storage/v1/object/')) return;
			const body = await response.body().catch(() => Buffer.alloc(0));
			if (painted) return;
			runBytes += body.length;
			runRequests++;
		});
		await page.goto(`${appUrl}/files/${file.id}`);
		await page
			.waitForSelector('.pdf-page[data-rendered-page="1"]', { timeout: 60_000 })
			.catch(async (error: Error) => {
				await page.screenshot({ path: '/tmp/bench-web-failure.png' });
				throw new Error(`${page.url()}: the first page did not render (${error.message})`);
			});
		painted = true;
		const sums = await Promise.all(transfers);
		htmlBytes = sums.reduce((sum, t) => sum + t.html, 0);
		allBytes = sums.reduce((sum, t) => sum + t.all, 0);
		const timing = await page.evaluate(() => ({
			painted: performance.getEntriesByName('pdf-first-page')[0].startTime,
			htmlStart: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
				.responseStart
		}));
		times.push(timing.painted);
		starts.push(timing.htmlStart);
		bytes = runBytes;
		requests = runRequests;
		await context.close();
	}
	return {
		name: file.name,
		pages: file.page_count,
		size: file.size,
		median: median(times),
		min: Math.min(...times),
		max: Math.max(...times),
		htmlStart: median(starts),
		bytes,
		requests,
		htmlBytes,
		allBytes
	};
}

// Re-run this script under flock, so no test run rebuilds build/ while it is being measured.
if (!process.env.BENCH_WEB_LOCKED) {
	const child = spawn('flock', [LOCK, process.execPath, ...process.execArgv, process.argv[1]], {
		stdio: 'inherit',
		env: { ...process.env, BENCH_WEB_LOCKED: '1' }
	});
	child.on('exit', (code) => process.exit(code ?? 1));
} else {
	await main();
}
