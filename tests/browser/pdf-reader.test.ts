// The PDF reader in real Chromium against the production build and the demo data: range loading,
// search (with the page texts fetched only then), deep links, keyboard, download, broken files, the
// text version without JavaScript, accessibility, and that hidden documents stay hidden.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findHits } from '../../src/lib/pdf/search.ts';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { anonClient, serviceClient } from '../support/clients.ts';
import { CANARY } from '../support/fixtures.ts';

const appUrl = inject('appUrl');
// pdf.js and the worker take a while on a busy machine; polls wait up to 20 s, not vitest's 1 s.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });
const service = serviceClient();
let browser: Browser;
let context: BrowserContext;

interface DemoFile {
	id: string;
	fileName: string;
	size: number;
	pageCount: number;
	pages: string[];
}
let big: DemoFile;
let small: { id: string; pageCount: number };
const broken = { corrupt: randomUUID(), missing: randomUUID() };
const corruptPath = `test/${broken.corrupt}.pdf`;

// Chosen through the anonymous client, so RLS guarantees the reader may show them to anyone.
async function biggestPublicFile(): Promise<DemoFile> {
	const { data, error } = await anonClient()
		.from('files')
		.select('id, file_name, size, page_count')
		.order('page_count', { ascending: false, nullsFirst: false })
		.limit(1)
		.single();
	if (error) throw error;
	const { data: rows, error: pagesError } = await service
		.from('file_pages')
		.select('page_number, content')
		.eq('file_id', data.id)
		.order('page_number');
	if (pagesError) throw pagesError;
	return {
		id: data.id,
		fileName: data.file_name,
		size: data.size ?? 0,
		pageCount: data.page_count ?? 0,
		pages: rows.map((row) => row.content)
	};
}

beforeAll(async () => {
	big = await biggestPublicFile();
	const { data: short, error: shortError } = await anonClient()
		.from('files')
		.select('id, page_count')
		.eq('page_count', 3)
		.limit(1)
		.single();
	if (shortError) throw shortError;
	small = { id: short.id, pageCount: 3 };
	expect(big.pageCount).toBeGreaterThanOrEqual(200);
	const upload = await service.storage
		.from('files')
		.upload(corruptPath, new TextEncoder().encode('Dies ist kein PDF.'), {
			contentType: 'application/pdf'
		});
	expect(upload.error).toBeNull();
	const published = new Date(Date.now() - 60_000).toISOString();
	const { error } = await service.from('files').insert([
		{
			id: broken.corrupt,
			name: 'Kaputtes PDF (Test)',
			file_name: 'kaputt.pdf',
			storage_path: corruptPath,
			size: 17,
			page_count: 1,
			published_at: published
		},
		{
			id: broken.missing,
			name: 'Fehlendes PDF (Test)',
			file_name: 'fehlt.pdf',
			storage_path: `test/${broken.missing}.pdf`,
			size: 1000,
			page_count: 1,
			published_at: published
		}
	]);
	expect(error).toBeNull();
	browser = await launchBrowser();
	context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
	await service.from('files').delete().in('id', [broken.corrupt, broken.missing]);
	await service.storage.from('files').remove([corruptPath]);
	await browser?.close();
});

/** Opens the reader and waits until the canvas shows `page`; counts Storage bytes until then. */
async function openReader(path: string, page: number) {
	const tab = await context.newPage();
	let bytes = 0;
	let rendered = false;
	tab.on('response', async (response) => {
		if (!response.url().includes('/storage/v1/object/')) return;
		const body = await response.body().catch(() => Buffer.alloc(0));
		if (!rendered) bytes += body.length;
	});
	await tab.goto(`${appUrl}${path}`);
	await tab.waitForSelector(`.pdf-page[data-rendered-page="${page}"]`, { timeout: 30_000 });
	rendered = true;
	return { tab, bytes };
}

const pageInput = (tab: Page) => tab.inputValue('#pdf-page');
const textLayer = (tab: Page) => tab.locator('.textLayer').innerText();

describe('PDF reader', () => {
	it('shows page 1 of a 300-page paper after loading only part of the file by range requests', async () => {
		const { tab, bytes } = await openReader(`/files/${big.id}`, 1);
		expect(bytes).toBeGreaterThan(0);
		expect(bytes).toBeLessThan(big.size * 0.4);
		const inked = await tab.evaluate(() => {
			const canvas = document.querySelector<HTMLCanvasElement>('.pdf-page canvas')!;
			const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
			let dark = 0;
			for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark++;
			return dark;
		});
		expect(inked).toBeGreaterThan(1000);
		// The text layer carries the page's text: selectable, copyable, read by screen readers.
		expect(await textLayer(tab)).toContain(big.pages[0].split('\n')[2]);
		await tab.close();
	});

	it('searches the document: hit count, next and previous move between pages', async () => {
		const term = 'Seite 2';
		const hits = findHits(big.pages, term);
		expect(new Set(hits.map((hit) => hit.page)).size).toBeGreaterThan(2);
		const { tab } = await openReader(`/files/${big.id}`, 1);
		await tab.fill('#pdf-search', term);
		await tab.press('#pdf-search', 'Enter');
		const status = tab.locator('form[role="search"] [role="status"]');
		await poll(() => status.innerText()).toBe(`Treffer 1 von ${hits.length}`);
		await poll(() => pageInput(tab)).toBe(String(hits[0].page));
		const next = hits.findIndex((hit) => hit.page !== hits[0].page);
		for (let i = 0; i < next; i++) await tab.click('button[aria-label="Nächster Treffer"]');
		await poll(() => pageInput(tab)).toBe(String(hits[next].page));
		await poll(() => status.innerText()).toBe(`Treffer ${next + 1} von ${hits.length}`);
		await tab.waitForSelector(`.pdf-page[data-rendered-page="${hits[next].page}"]`);
		await poll(() => tab.locator('.textLayer mark.hit.current').count()).toBe(1);
		await tab.click('button[aria-label="Vorheriger Treffer"]');
		await poll(() => pageInput(tab)).toBe(String(hits[next - 1].page));
		await tab.fill('#pdf-search', 'Quaxelbrumm');
		await tab.press('#pdf-search', 'Enter');
		await poll(() => status.innerText()).toBe('Keine Treffer');
		await tab.close();
	});

	it('opens a deep link to page 12 and keeps the address in step with the page', async () => {
		const { tab } = await openReader(`/files/${big.id}#page=12`, 12);
		expect(await pageInput(tab)).toBe('12');
		expect(await textLayer(tab)).toContain(`Seite 12 von ${big.pageCount}`);
		await tab.click('button[aria-label="Nächste Seite"]');
		await tab.waitForSelector('.pdf-page[data-rendered-page="13"]');
		await poll(() => new URL(tab.url()).hash).toBe('#page=13');
		await tab.close();
	});

	it('opens ?q= at the first hit of a term from a later page and highlights it', async () => {
		const later = Math.floor(big.pageCount * 0.8);
		const term = /\(\d{3,5}\)/.exec(big.pages[later - 1])![0];
		const first = findHits(big.pages, term)[0];
		expect(first.page).toBe(later);
		const { tab } = await openReader(`/files/${big.id}?q=${encodeURIComponent(term)}`, later);
		expect(await tab.inputValue('#pdf-search')).toBe(term);
		await poll(() => tab.locator('.textLayer mark.hit.current').innerText()).toBe(term);
		expect(await axeViolations(tab)).toEqual([]);
		await tab.close();
	});

	it('pages with the keyboard and puts Ctrl+F into its own search box', async () => {
		const { tab } = await openReader(`/files/${big.id}`, 1);
		await tab.locator('.viewer').focus();
		await tab.keyboard.press('PageDown');
		await poll(() => pageInput(tab)).toBe('2');
		await tab.keyboard.press('ArrowRight');
		await poll(() => pageInput(tab)).toBe('3');
		await tab.keyboard.press('ArrowLeft');
		await poll(() => pageInput(tab)).toBe('2');
		await tab.keyboard.press('End');
		await poll(() => pageInput(tab)).toBe(String(big.pageCount));
		await tab.keyboard.press('Home');
		await poll(() => pageInput(tab)).toBe('1');
		await tab.keyboard.press('Control+f');
		expect(await tab.evaluate(() => document.activeElement?.id)).toBe('pdf-search');
		// Typing a page number jumps there.
		await tab.fill('#pdf-page', '42');
		await tab.press('#pdf-page', 'Enter');
		await tab.waitForSelector('.pdf-page[data-rendered-page="42"]');
		await tab.close();
	});

	it('zooms: fit page is smaller than fit width, zoom in grows the page', async () => {
		const { tab } = await openReader(`/files/${big.id}`, 1);
		const width = () => tab.locator('.pdf-page').evaluate((el) => el.getBoundingClientRect().width);
		const fitWidth = await width();
		await tab.click('button:has-text("Ganze Seite")');
		await poll(width).toBeLessThan(fitWidth);
		const fitPage = await width();
		await tab.click('button[aria-label="Vergrößern"]');
		await poll(width).toBeGreaterThan(fitPage);
		await tab.close();
	});

	it('downloads the file under its original name', async () => {
		const { tab } = await openReader(`/files/${big.id}`, 1);
		const [download] = await Promise.all([
			tab.waitForEvent('download'),
			tab.click('a[href$="/download"]')
		]);
		expect(download.suggestedFilename()).toBe(big.fileName);
		await download.cancel();
		await tab.close();
	});

	it('says plainly when a PDF is corrupt or missing and still offers the download', async () => {
		for (const [id, text] of [
			[broken.corrupt, 'beschädigt'],
			[broken.missing, 'nicht verfügbar']
		]) {
			const tab = await context.newPage();
			expect((await tab.goto(`${appUrl}/files/${id}`))?.status()).toBe(200);
			await poll(() => tab.locator('[role="alert"]').innerText()).toContain(text);
			expect(await tab.locator(`a[href="/files/${id}/download"]`).count()).toBe(1);
			expect(await axeViolations(tab)).toEqual([]);
			await tab.close();
		}
	});
});

describe('page text only when needed', () => {
	it('keeps the reader page small and fetches the page texts only for a search', async () => {
		const html = await (await fetch(`${appUrl}/files/${big.id}`)).text();
		expect(html.length).toBeLessThan(40_000);
		expect(html).not.toContain(big.pages[150].split('\n')[3]);
		const { tab } = await openReader(`/files/${big.id}`, 1);
		const texts: string[] = [];
		tab.on('request', (request) => {
			if (request.url().endsWith('/text.json')) texts.push(request.url());
		});
		await tab.locator('.viewer').focus();
		await tab.keyboard.press('PageDown');
		await tab.waitForSelector('.pdf-page[data-rendered-page="2"]');
		expect(texts).toEqual([]);
		await tab.fill('#pdf-search', 'Seite 7');
		await tab.press('#pdf-search', 'Enter');
		const status = tab.locator('form[role="search"] [role="status"]');
		await poll(() => status.innerText()).toMatch(/^Treffer 1 von \d+$/);
		expect(texts).toEqual([`${appUrl}/files/${big.id}/text.json`]);
		await tab.close();
	});
});

describe('reader after a client-side navigation', () => {
	it('opens from a paper page without a reload, and again after going back', async () => {
		const { data: paper, error } = await anonClient()
			.from('papers')
			.select('id')
			.eq('main_file_id', big.id)
			.limit(1)
			.single();
		expect(error).toBeNull();
		const tab = await context.newPage();
		await tab.goto(`${appUrl}/papers/${paper!.id}`);
		await tab.evaluate(() => Reflect.set(window, 'sameDocument', true));
		const starts: string[] = [];
		tab.on('request', (request) => {
			const url = request.url();
			if (url.includes('pdf.worker') || url.includes('/storage/v1/object/')) {
				starts.push(url.includes('pdf.worker') ? 'worker' : (request.headers()['range'] ?? ''));
			}
		});
		await tab.click(`a.file[href="/files/${big.id}"]`);
		await tab.waitForSelector('.pdf-page[data-rendered-page="1"]', { timeout: 30_000 });
		// The reader started pdf.js itself, and the head's boot script started nothing besides.
		expect(await tab.evaluate(() => Reflect.get(window, 'sameDocument'))).toBe(true);
		expect(starts.filter((start) => start === 'worker')).toHaveLength(1);
		expect(starts.filter((start) => start.startsWith('bytes=0-'))).toHaveLength(1);
		// Back and into the reader again: the closed reader's worker serves the new one.
		await tab.goBack();
		await tab.click(`a.file[href="/files/${big.id}"]`);
		await tab.waitForSelector('.pdf-page[data-rendered-page="1"]', { timeout: 30_000 });
		expect(await tab.evaluate(() => Reflect.get(window, 'sameDocument'))).toBe(true);
		expect(starts.filter((start) => start === 'worker')).toHaveLength(1);
		expect(await textLayer(tab)).toContain(`Seite 1 von ${big.pageCount}`);
		await tab.close();
	});

	it('goes from the text version to the same page in the PDF view', async () => {
		const tab = await context.newPage();
		await tab.goto(`${appUrl}/files/${big.id}/text?seite=5`);
		// The text version ships no JavaScript at all.
		expect(await tab.locator('script[src]').count()).toBe(0);
		await tab.click('a:text-is("PDF-Ansicht")');
		await tab.waitForSelector('.pdf-page[data-rendered-page="5"]', { timeout: 30_000 });
		expect(await pageInput(tab)).toBe('5');
		expect(await textLayer(tab)).toContain(`Seite 5 von ${big.pageCount}`);
		await tab.close();
	});
});

describe('without JavaScript', () => {
	it('offers the text version from the reader page and pages through it', async () => {
		const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
		const tab = await noJs.newPage();
		const response = await tab.goto(`${appUrl}/files/${big.id}#page=12`);
		expect(response?.status()).toBe(200);
		expect(await tab.locator('canvas').count()).toBe(0);
		expect(await tab.locator('noscript').count()).toBe(1);
		expect(await tab.locator('a[href$="/download"]').innerText()).toBe('Herunterladen');
		await tab.click('a:text-is("Textfassung")');
		expect(new URL(tab.url()).pathname).toBe(`/files/${big.id}/text`);
		// Straight to a page with the form, as a search link's reader would.
		await tab.fill('#text-page', '12');
		await tab.click('button:text-is("Anzeigen")');
		expect(new URL(tab.url()).searchParams.get('seite')).toBe('12');
		const section = tab.locator('section[id="page=12"]');
		expect(await section.locator('h2').innerText()).toBe('Seite 12');
		expect(await section.innerText()).toContain(big.pages[11].split('\n')[3]);
		expect(await tab.locator('section[id^="page="]').count()).toBe(10);
		expect(await tab.locator('nav[aria-label^="Blättern"]').first().innerText()).toContain(
			`Seiten 12–21 von ${big.pageCount}`
		);
		await tab.locator('a[rel="next"]').first().click();
		expect(await tab.locator('section[id^="page="] h2').first().innerText()).toBe('Seite 22');
		await noJs.close();
	});

	it('searches the text version: pages with hits, marked hits, the term kept', async () => {
		const later = Math.floor(big.pageCount * 0.8);
		const term = /\(\d{3,5}\)/.exec(big.pages[later - 1])![0];
		const hits = findHits(big.pages, term);
		const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
		const tab = await noJs.newPage();
		// A search link into the reader keeps its term on the way to the text version.
		await tab.goto(`${appUrl}/files/${big.id}?q=${encodeURIComponent(term)}`);
		await tab.click('a:text-is("Textfassung")');
		expect(await tab.inputValue('#text-q')).toBe(term);
		expect(await tab.locator('p.found').innerText()).toContain(`„${term}“ kommt`);
		expect(await tab.locator('ul.hits li').count()).toBe(new Set(hits.map((h) => h.page)).size);
		// The view opens at the first page with a hit, and the hit is marked.
		expect(await tab.locator('section[id^="page="] h2').first().innerText()).toBe(
			`Seite ${hits[0].page}`
		);
		expect(await tab.locator(`section[id="page=${hits[0].page}"] mark`).first().innerText()).toBe(
			term
		);
		await tab.fill('#text-q', 'Quaxelbrumm');
		await tab.press('#text-q', 'Enter');
		expect(await tab.locator('.notice').innerText()).toContain(
			'kommt in diesem Dokument nicht vor'
		);
		await noJs.close();
	});

	it('has a text version without accessibility violations, on a phone too', async () => {
		// axe needs JavaScript: check the same server-rendered markup in a normal tab.
		for (const viewport of [
			{ width: 1280, height: 900 },
			{ width: 390, height: 844 }
		]) {
			const phone = await browser.newContext({ locale: 'de-DE', viewport });
			const tab = await phone.newPage();
			await tab.goto(`${appUrl}/files/${big.id}/text?q=Seite&seite=3`);
			expect(await tab.locator('section[id^="page="]').count()).toBe(10);
			expect(await axeViolations(tab)).toEqual([]);
			await tab.screenshot({ path: `/tmp/pdf-text-version-${viewport.width}.png` });
			await tab.goto(`${appUrl}/files/${small.id}/text`);
			expect(await tab.locator('section[id^="page="]').count()).toBe(small.pageCount);
			expect(await tab.locator('a[rel="next"]').count()).toBe(0);
			expect(await axeViolations(tab)).toEqual([]);
			await phone.close();
		}
	});
});

describe('access', () => {
	it('answers 404 for a non-public file and an unknown id, 400 for a malformed one', async () => {
		const { data, error } = await service
			.from('files')
			.select('id')
			.eq('public', false)
			.limit(1)
			.single();
		expect(error).toBeNull();
		const anon = await browser.newContext({ locale: 'de-DE' });
		const tab = await anon.newPage();
		for (const path of [
			`/files/${data!.id}`,
			`/files/${data!.id}/download`,
			`/files/${data!.id}/text`,
			`/files/${data!.id}/text.json`,
			`/files/${randomUUID()}`
		]) {
			const response = await tab.goto(`${appUrl}${path}`);
			expect(response?.status()).toBe(404);
			expect(await tab.content()).not.toContain(CANARY);
		}
		expect((await tab.goto(`${appUrl}/files/keine-nummer`))?.status()).toBe(400);
		expect((await tab.goto(`${appUrl}/files/${big.id}/text?seite=zwei`))?.status()).toBe(400);
		expect((await tab.goto(`${appUrl}/files/${big.id}?q=${'x'.repeat(201)}`))?.status()).toBe(400);
		await anon.close();
	});
});
