// The installable app: web manifest and icons, the service worker with its app-shell precache,
// the offline page for failed navigations, and that nothing login-dependent is ever cached.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { root } from '../../supabase/local/config.ts';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { anonClient } from '../support/clients.ts';
import { freePort } from '../support/free-port.ts';

const appUrl = inject('appUrl');
// pdf.js and the worker take a while on a busy machine; polls wait up to 20 s, not vitest's 1 s.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

interface Manifest {
	name: string;
	short_name: string;
	start_url: string;
	display: string;
	theme_color: string;
	icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The URLs the build injected into the service worker (workbox injectManifest). */
async function precacheUrls(): Promise<string[]> {
	const source = await (await fetch(`${appUrl}/service-worker.js`)).text();
	const urls = [...source.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
	expect(urls.length).toBeGreaterThan(10);
	return urls;
}

describe('web manifest', () => {
	it('is served with name, start URL, standalone display and real PNG icons', async () => {
		const response = await fetch(`${appUrl}/manifest.webmanifest`);
		expect(response.status).toBe(200);
		const manifest = (await response.json()) as Manifest;
		expect(manifest.name).toBe('Ratsinformation Rheinstadt');
		expect(manifest.start_url).toBe('/');
		expect(manifest.display).toBe('standalone');
		expect(manifest.theme_color).toBe('#0b4f8a');
		const sizes = new Set<string>();
		for (const icon of manifest.icons) {
			const image = await fetch(new URL(icon.src, appUrl));
			expect(image.status).toBe(200);
			expect(image.headers.get('content-type')).toBe('image/png');
			const [width, height] = pngSize(Buffer.from(await image.arrayBuffer()));
			expect(`${width}x${height}`).toBe(icon.sizes);
			sizes.add(`${icon.sizes} ${icon.purpose ?? 'any'}`);
		}
		expect(sizes).toEqual(new Set(['192x192 any', '512x512 any', '512x512 maskable']));
	});
});

describe('service worker', () => {
	it('precaches only the app shell: built assets and icons, no page', async () => {
		const urls = await precacheUrls();
		for (const url of urls) {
			expect(url).toMatch(
				/^(_app\/immutable\/.+\.(m?js|css)|_app\/version\.json|[\w.-]+\.(png|svg|webmanifest))$/
			);
		}
		// pdf.js itself, so that documents open offline; its 1 MB worker is loaded on first use.
		expect(urls.some((url) => /\/pdf\.min\.[\w-]+\.mjs$/.test(url))).toBe(true);
		expect(urls.some((url) => url.includes('pdf.worker'))).toBe(false);
	});

	it('installs on a first visit only after the page has loaded and settled', async () => {
		const context = await browser.newContext({ locale: 'de-DE' });
		const page = await context.newPage();
		await page.goto(appUrl, { waitUntil: 'load' });
		const registered = () =>
			page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()));
		// Installing downloads the whole app shell: not while the first page is still being built.
		expect(await registered()).toBe(false);
		await poll(registered).toBe(true);
		await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
		await context.close();
	});

	it('registers, serves /offline for navigations without network and caches nothing personal', async () => {
		const context = await browser.newContext({ locale: 'de-DE' });
		const page = await context.newPage();
		await page.goto(appUrl);
		// The root layout registers the worker through UpdatePrompt; registering again is a no-op.
		const scope = await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.register('/service-worker.js');
			await navigator.serviceWorker.ready;
			return registration.scope;
		});
		expect(scope).toBe(`${appUrl}/`);
		await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

		// Browse pages that depend on data and Storage while online.
		const { data: file } = await anonClient().from('files').select('id').limit(1).single();
		await page.goto(`${appUrl}/files/${file!.id}`);
		await page.waitForSelector('.pdf-page[data-rendered-page="1"]', { timeout: 30_000 });
		await page.goto(`${appUrl}/login`);

		await context.setOffline(true);
		const response = await page.goto(`${appUrl}/meetings`);
		expect(response?.status()).toBe(200);
		expect(await page.locator('h1').innerText()).toBe('Keine Verbindung');
		await context.setOffline(false);

		// Every cached response is a precached shell file or the anonymous offline page.
		const shell = new Set((await precacheUrls()).map((url) => `${appUrl}/${url}`));
		const cached = await page.evaluate(async () => {
			const urls: string[] = [];
			for (const name of await caches.keys()) {
				for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
			}
			return urls;
		});
		expect(cached).toContain(`${appUrl}/offline`);
		for (const url of cached) {
			if (url !== `${appUrl}/offline`) expect(shell.has(url), url).toBe(true);
		}
		await context.close();
	});
});

/**
 * A second deployment of the production build on its own port: a copy of build/ (inside the
 * repository, so the server finds node_modules), served by the same `node build` as the app under
 * test. `deploy()` stops it, changes the copy like a new release would and starts it again on the
 * same origin, so the browser's update check fetches a really different service worker.
 */
class Deployment {
	readonly dir = mkdtempSync(join(root, 'node_modules', '.cache-pwa-update-'));
	readonly origin: string;
	private server: ChildProcess | undefined;

	readonly port: number;

	constructor(port: number) {
		this.port = port;
		cpSync(join(root, 'build'), this.dir, { recursive: true });
		this.origin = `http://127.0.0.1:${port}`;
	}

	get version(): string {
		return (
			JSON.parse(readFileSync(join(this.dir, 'client/_app/version.json'), 'utf8')) as {
				version: string;
			}
		).version;
	}

	async start() {
		const server = spawn(process.execPath, [join(this.dir, 'index.js')], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: {
				...process.env,
				PUBLIC_SUPABASE_URL: inject('supabaseUrl'),
				PUBLIC_SUPABASE_ANON_KEY: inject('anonKey'),
				SUPABASE_SERVICE_ROLE_KEY: inject('serviceRoleKey'),
				PORT: String(this.port),
				HOST: '127.0.0.1',
				ORIGIN: this.origin
			}
		});
		this.server = server;
		await poll(() =>
			fetch(this.origin).then(
				(r) => r.status,
				() => 0
			)
		).toBe(200);
	}

	async stop() {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			server.once('exit', () => resolve());
			server.kill('SIGTERM');
		});
	}

	/** A new release: a new version string in the service worker (and its precompressed copies). */
	async deploy(version: string) {
		await this.stop();
		const file = join(this.dir, 'client/service-worker.js');
		const source = readFileSync(file, 'utf8');
		expect(source).toContain(`\`${this.version}\``);
		const next = source.replaceAll(`\`${this.version}\``, `\`${version}\``);
		writeFileSync(file, next);
		writeFileSync(`${file}.gz`, gzipSync(next));
		writeFileSync(`${file}.br`, brotliCompressSync(next));
		writeFileSync(join(this.dir, 'client/_app/version.json'), JSON.stringify({ version }));
		await this.start();
	}

	async remove() {
		await this.stop();
		rmSync(this.dir, { recursive: true, force: true });
	}
}

describe('update prompt', () => {
	let deployment: Deployment | undefined;
	afterAll(async () => {
		await deployment?.remove();
	});

	it('offers a waiting new service worker and activates it when the user chooses reload', async () => {
		deployment = new Deployment(await freePort());
		const { origin } = deployment;
		const oldVersion = deployment.version;
		await deployment.start();

		const context = await browser.newContext({ locale: 'de-DE' });
		const page = await context.newPage();
		await page.goto(origin);
		// The first worker installs, takes over the tab and offers nothing: there is nothing newer.
		await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
		const cacheNames = () => page.evaluate(() => caches.keys());
		await poll(cacheNames).toEqual([`ratsinfo-shell-${oldVersion}`]);
		const prompt = page.locator('.update');
		expect(await prompt.count()).toBe(0);

		const newVersion = String(Number(oldVersion) + 1);
		await deployment.deploy(newVersion);
		// Opening the app again makes the browser check for a new worker, which installs and waits.
		await page.reload();
		await poll(() => prompt.isVisible()).toBe(true);
		expect(await prompt.locator('p').innerText()).toBe('Neue Version verfügbar');
		expect(
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return [registration?.waiting?.state, registration?.active?.state];
			})
		).toEqual(['installed', 'activated']);
		// The old worker still serves the tab until the user agrees.
		expect(await cacheNames()).toContain(`ratsinfo-shell-${oldVersion}`);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: '/tmp/pwa-update-prompt.png' });

		const reloaded = page.waitForEvent('load');
		await prompt.getByRole('button', { name: 'Neu laden' }).click();
		await reloaded;
		// The new worker is active and controls the page; its activate step removed the old shell.
		await poll(cacheNames).toEqual([`ratsinfo-shell-${newVersion}`]);
		expect(
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return [
					registration?.waiting,
					registration?.active?.state,
					!!navigator.serviceWorker.controller
				];
			})
		).toEqual([null, 'activated', true]);
		expect(await prompt.count()).toBe(0);
		await context.close();
	});
});
