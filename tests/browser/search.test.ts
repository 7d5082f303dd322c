// Search in real Chromium against the production build and the demo data: from the search form to
// a hit inside a PDF, which opens the reader at that page with the term highlighted; the
// autocomplete combobox by keyboard; the page without JavaScript; the feed as XML; accessibility.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { anonClient, superuser } from '../support/clients.ts';

const appUrl = inject('appUrl');
let browser: Browser;

/**
 * A word of at most 10 public document pages that a file has first on page 2 or later, read with
 * the superuser but restricted by the same rules RLS applies to anon.
 */
async function rareWordOnALaterPage() {
	const db = superuser();
	try {
		const { rows } = await db.query<{ word: string; file_id: string; page_number: number }>(`
			with visible as (
				select fp.file_id, fp.page_number, to_tsvector('simple', fp.content) as tsv
				from public.file_pages fp
				join public.files f on f.id = fp.file_id
				where f.public and f.published_at < now() and not app.file_has_nonpublic_owner(f.id)),
			words as (
				select word from ts_stat($$select to_tsvector('simple', content) from public.file_pages$$)
				where ndoc <= 10 and word ~ '^[a-zäöü]{8,}$')
			select w.word, v.file_id, v.page_number from words w
			join visible v on v.tsv @@ to_tsquery('simple', w.word)
			where v.page_number >= 2
				and not exists (select 1 from visible e where e.file_id = v.file_id
					and e.page_number < v.page_number and e.tsv @@ to_tsquery('simple', w.word))
			order by w.word, v.file_id limit 1`);
		expect(rows.length).toBe(1);
		return rows[0];
	} finally {
		await db.end();
	}
}

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('search', () => {
	it('leads from the search form to a PDF hit: the reader opens at the page with the term marked', async () => {
		const target = await rareWordOnALaterPage();
		const tab = await browser.newPage();
		await tab.goto(`${appUrl}/search`);
		await tab.fill('#search-q', target.word);
		await tab.press('#search-q', 'Enter');
		await tab.waitForURL(/\/search\?q=/);
		// Titles rank first; the document filter leaves the PDF pages.
		await tab.click('nav.facets a[href*="typ=dokument"]');
		await tab.waitForURL(/typ=dokument/);
		const href = `a[href^="/files/${target.file_id}?"][href$="#page=${target.page_number}"]`;
		const link = tab.locator(`ol.hits ${href}`);
		await expect.poll(() => link.count()).toBe(1);
		// The snippet of that hit marks the word (or an inflected form of it).
		const snippetMark = tab
			.locator('ol.hits > li', { has: tab.locator(href) })
			.locator('mark')
			.first();
		expect((await snippetMark.innerText()).toLowerCase()).toContain(target.word.slice(0, 6));
		await link.click();
		await tab.waitForSelector(`.pdf-page[data-rendered-page="${target.page_number}"]`, {
			timeout: 30_000
		});
		expect(await tab.inputValue('#pdf-page')).toBe(String(target.page_number));
		await expect
			.poll(async () =>
				(await tab.locator('.textLayer mark.hit.current').innerText()).toLowerCase()
			)
			.toBe(target.word);
		await tab.close();
	});

	it('offers suggestions as an ARIA combobox that works with the keyboard', async () => {
		const tab = await browser.newPage();
		await tab.goto(`${appUrl}/search`);
		const input = tab.locator('#search-q');
		await expect.poll(() => input.getAttribute('role')).toBe('combobox');
		await input.pressSequentially('Bebauungspl', { delay: 20 });
		await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
		const options = tab.locator('#search-suggestions [role="option"]');
		expect(await options.count()).toBeGreaterThan(0);
		await input.press('ArrowDown');
		await expect
			.poll(() => input.getAttribute('aria-activedescendant'))
			.toBe('search-suggestion-0');
		expect(await options.first().getAttribute('aria-selected')).toBe('true');
		const href = await options.first().locator('a').getAttribute('href');
		await input.press('Enter');
		await tab.waitForURL((url) => url.pathname === href);
		await tab.goBack();
		await tab.locator('#search-q').fill('Bebauungspl');
		await input.press('Escape');
		await expect.poll(() => input.getAttribute('aria-expanded')).toBe('false');
		await tab.close();
	});

	it('works without JavaScript: results, filters with counts, pagination, feed link', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const tab = await context.newPage();
		await tab.goto(`${appUrl}/search`);
		expect(await tab.locator('h2#empty-title').innerText()).toBe('Wonach suchen Sie?');
		await tab.fill('#search-q', 'Bebauungsplan');
		await tab.click('form[role="search"] button[type="submit"]');
		await tab.waitForURL(/q=Bebauungsplan/);
		expect(await tab.locator('ol.hits > li').count()).toBe(20);
		const paperFacet = tab.locator('nav.facets a[href*="typ=vorlage"]');
		const count = Number(
			await paperFacet.locator('xpath=following-sibling::span[@class]').first().innerText()
		);
		await paperFacet.click();
		await tab.waitForURL(/typ=vorlage/);
		const status = await tab.locator('.total').innerText();
		expect(status).toContain(`von ${count.toLocaleString('de-DE')}`);
		expect(await tab.locator('link[rel="alternate"][type="application/rss+xml"]').count()).toBe(1);
		await tab.click('a[rel="next"]');
		await tab.waitForURL(/seite=2/);
		expect(await tab.locator('.total').innerText()).toMatch(/^Treffer 21–/);
		await context.close();
	});

	it('serves a feed that parses as RSS with items', async () => {
		const tab = await browser.newPage();
		await tab.goto(`${appUrl}/search?q=Radweg`);
		const feed = await tab.locator('link[rel="alternate"]').getAttribute('href');
		const parsed = await tab.evaluate(async (href) => {
			const text = await (await fetch(href!)).text();
			const doc = new DOMParser().parseFromString(text, 'application/xml');
			return {
				error: doc.getElementsByTagName('parsererror').length,
				root: doc.documentElement.nodeName,
				items: doc.getElementsByTagName('item').length,
				link: doc.querySelector('item > link')?.textContent ?? ''
			};
		}, feed);
		expect(parsed.error).toBe(0);
		expect(parsed.root).toBe('rss');
		expect(parsed.items).toBeGreaterThan(0);
		expect(parsed.link.startsWith(appUrl)).toBe(true);
		await tab.close();
	});

	it('speaks English in suggestions and the feed when the visitor reads in English', async () => {
		const context = await browser.newContext({ locale: 'en-GB' });
		const tab = await context.newPage();
		await tab.goto(`${appUrl}/search?q=Radweg`);
		expect(await tab.getAttribute('html', 'lang')).toBe('en');
		const feed = await tab.locator('link[rel="alternate"]').getAttribute('href');
		expect(feed).toBe('/search/feed?q=Radweg&lang=en');
		// Fetched without cookies and with a German Accept-Language, as a feed reader might.
		const res = await fetch(`${appUrl}${feed}`, {
			headers: { 'accept-language': 'de-DE', cookie: '' }
		});
		const parsed = await tab.evaluate(
			(text) => {
				const doc = new DOMParser().parseFromString(text, 'application/xml');
				return {
					error: doc.getElementsByTagName('parsererror').length,
					language: doc.querySelector('channel > language')?.textContent,
					title: doc.querySelector('channel > title')?.textContent,
					kinds: [...doc.querySelectorAll('item > title')].map((t) => t.textContent?.split(':')[0])
				};
			},
			await res.text()
		);
		expect(parsed.error).toBe(0);
		expect(parsed.language).toBe('en');
		expect(parsed.title).toBe('Search “Radweg” – Rheinstadt council information');
		expect(parsed.kinds.length).toBeGreaterThan(0);
		const english = ['Meeting', 'Agenda item', 'Paper', 'Document', 'Person', 'Body'];
		for (const kind of parsed.kinds) expect(english).toContain(kind);

		const input = tab.locator('#search-q');
		await expect.poll(() => input.getAttribute('role')).toBe('combobox');
		await input.fill('');
		await input.pressSequentially('Bebauungspl', { delay: 20 });
		await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
		const kinds = await tab.locator('#search-suggestions .kind').allInnerTexts();
		expect(kinds.length).toBeGreaterThan(0);
		for (const kind of kinds) expect(english).toContain(kind.trim());
		expect(await tab.locator('#search-suggestions').getAttribute('aria-label')).toBe('Suggestions');
		await context.close();
	});

	it('saves a search for a signed-in user and counts what is new since the last visit', async () => {
		const name = `Radwege ${Date.now()}`;
		const db = superuser();
		const context = await browser.newContext();
		try {
			const tab = await context.newPage();
			await tab.goto(`${appUrl}/login`);
			await tab.fill('#pw-email', 'buerger@rheinstadt.example');
			await tab.fill('#pw-password', 'Demo-Passwort-2026');
			await tab.click('form[action^="?/password"] button');
			await tab.waitForURL(`${appUrl}/`);
			await tab.goto(`${appUrl}/search?q=Radweg`);
			await tab.fill('#save-name', name);
			await tab.click('form.save button[type="submit"]');
			await expect.poll(() => tab.locator('form.save [role="status"]').count()).toBe(1);
			// Pretend the last visit was long ago: everything published since then is new.
			await db.query(
				`update public.saved_searches set last_visited_at = '2000-01-01' where name = $1`,
				[name]
			);
			const { data } = await anonClient().rpc('search_facets', { q: 'Radweg' });
			const total = (data as { total: number }).total;
			await tab.goto(`${appUrl}/search/saved`);
			const item = tab.locator('ul.saved > li', { hasText: name });
			expect(await item.locator('.badge').innerText()).toBe(`${total} neu`);
			expect(await axeViolations(tab)).toEqual([]);
			await item.locator('a').click();
			await tab.waitForURL(/\/search\?q=Radweg$/);
			await tab.goto(`${appUrl}/search/saved`);
			expect(await item.locator('.badge').innerText()).toBe('0 neu');
			await item.locator('button').click();
			await expect.poll(() => item.count()).toBe(0);
		} finally {
			await db.query('delete from public.saved_searches where name = $1', [name]);
			await db.end();
			await context.close();
		}
	});

	it('has no WCAG 2.1 AA violations on phone and desktop', async () => {
		for (const width of [390, 1280]) {
			const tab = await browser.newPage({ viewport: { width, height: 900 } });
			await tab.goto(`${appUrl}/search?q=Bebauungsplan`);
			await tab.screenshot({ path: `/tmp/search-${width}.png`, fullPage: false });
			expect(await axeViolations(tab)).toEqual([]);
			await tab.goto(`${appUrl}/search`);
			expect(await axeViolations(tab)).toEqual([]);
			await tab.close();
		}
	});
});
