// The installable app: web manifest and icons, the service worker with its app-shell precache,
// the offline page for failed navigations, and that nothing login-dependent is ever cached.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { anonClient } from '../support/clients.ts';

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
		for (const url of await precacheUrls()) {
			expect(url).toMatch(
				/^(_app\/immutable\/.+\.(js|css)|_app\/version\.json|[\w.-]+\.(png|svg|webmanifest))$/
			);
		}
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
