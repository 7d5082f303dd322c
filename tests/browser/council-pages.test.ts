// A visitor's way through the council pages in real Chromium: meetings → meeting → agenda item →
// paper with its Beratungsfolge → a file, with and without JavaScript; axe on every page type;
// screenshots on phone and desktop widths for a human look.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { councilDemo, type CouncilDemo } from '../support/council-demo.ts';

const appUrl = inject('appUrl');
let browser: Browser;
let demo: CouncilDemo;

beforeAll(async () => {
	[browser, demo] = await Promise.all([launchBrowser(), councilDemo()]);
});
afterAll(async () => {
	await browser?.close();
});

async function walkToFile(page: Page) {
	await page.goto(`${appUrl}/meetings?zeit=vergangene&gremium=${demo.organizationId}`);
	await page.click(`main a[href="/meetings/${demo.meetingId}"]`);
	await page.waitForURL(`${appUrl}/meetings/${demo.meetingId}`);
	expect(await page.locator('h1').innerText()).toContain(demo.meetingName);

	const paperLink = page.locator('.agenda a[href^="/papers/"]').first();
	const paperHref = await paperLink.getAttribute('href');
	await paperLink.click();
	await page.waitForURL(`${appUrl}${paperHref}`);
	expect(await page.locator('h2#beratungsfolge').innerText()).toBe('Beratungsfolge');
	const steps = page.locator('ol.timeline > li');
	expect(await steps.count()).toBeGreaterThan(0);
	// Each step links to its meeting, and to the agenda item there once it is on an agenda.
	const links = await steps
		.locator('a[href^="/meetings/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(links).toContain(`/meetings/${demo.meetingId}`);
	expect(links.some((href) => href?.startsWith(`/meetings/${demo.meetingId}#top-`))).toBe(true);

	const file = page.locator('a.file').first();
	const fileHref = await file.getAttribute('href');
	expect(fileHref).toMatch(/^\/files\/[0-9a-f-]{36}$/);
	await file.click();
	await page.waitForURL(`${appUrl}${fileHref}`);
}

describe('from the meeting list to a file', () => {
	it('works with JavaScript', async () => {
		const context = await browser.newContext({ locale: 'de-DE' });
		await walkToFile(await context.newPage());
		await context.close();
	});

	it('works without JavaScript', async () => {
		const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
		await walkToFile(await context.newPage());
		await context.close();
	});
});

describe('filters without JavaScript', () => {
	it('filters meetings by body and switches to the month calendar', async () => {
		const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${appUrl}/meetings?zeit=vergangene`);
		await page.selectOption('#gremium', demo.organizationId);
		await page.click('form.filter-bar button');
		await page.waitForURL(/gremium=/);
		expect(new URL(page.url()).searchParams.get('zeit')).toBe('vergangene');
		expect(await page.locator(`a[href="/meetings/${demo.meetingId}"]`).count()).toBe(1);
		await page.goto(`${appUrl}/meetings?ansicht=kalender&monat=${demo.meetingMonth}`);
		expect(await page.locator(`table a[href="/meetings/${demo.meetingId}"]`).count()).toBe(1);
		await page.click('a[rel="next"]');
		await page.waitForURL(/monat=\d{4}-\d{2}/);
		expect(new URL(page.url()).searchParams.get('monat')).not.toBe(demo.meetingMonth);
		await context.close();
	});
});

describe('accessibility and looks', () => {
	const pages = () => ({
		meetings: '/meetings',
		calendar: `/meetings?ansicht=kalender&monat=${demo.meetingMonth}`,
		meeting: `/meetings/${demo.meetingId}`,
		paper: `/papers/${demo.publicPaperIds[0]}`,
		papers: '/papers',
		persons: '/persons',
		person: `/persons/${demo.personId}`,
		organizations: '/organizations',
		organization: `/organizations/${demo.organizationId}`,
		notFound: '/meetings/gibt-es-nicht'
	});

	for (const width of [390, 1280]) {
		it(`has no WCAG 2.1 AA violations at ${width} px`, async () => {
			const context = await browser.newContext({
				locale: 'de-DE',
				viewport: { width, height: 900 }
			});
			const page = await context.newPage();
			for (const [name, path] of Object.entries(pages())) {
				await page.goto(`${appUrl}${path}`);
				expect({ name, violations: await axeViolations(page) }).toEqual({
					name,
					violations: []
				});
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect({ name, overflow }).toEqual({ name, overflow: 0 });
				await page.screenshot({ path: `/tmp/council-${name}-${width}.png` });
			}
			await context.close();
		});
	}
});

describe('in English', () => {
	it('offers the calendar in English and explains a malformed address in English', async () => {
		const context = await browser.newContext({
			locale: 'en-GB',
			viewport: { width: 390, height: 900 }
		});
		const page = await context.newPage();
		await page.goto(`${appUrl}/organizations/${demo.organizationId}`);
		const download = page.locator('.calendar-links a[download]');
		const href = await download.getAttribute('href');
		expect(href).toBe(`/organizations/${demo.organizationId}/meetings.ics?lang=en`);
		expect(await page.locator('.calendar-links a[href^="webcal:"]').getAttribute('href')).toMatch(
			/\?lang=en$/
		);
		// What a calendar app gets from that link, without the page's cookies or language.
		const ics = await (
			await fetch(`${appUrl}${href}`, { headers: { 'accept-language': 'de' } })
		).text();
		expect(ics).toMatch(/\r\nX-WR-CALNAME:Meetings – /);

		const response = await page.goto(`${appUrl}/meetings?ansicht=kalender&monat=2026-13`);
		expect(response?.status()).toBe(400);
		expect(await page.locator('h1').innerText()).toBe('Invalid request');
		expect(await page.locator('main .notice.error').innerText()).toBe(
			'The month (“monat”) must have the form YYYY-MM, e.g. 2026-12.'
		);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: '/tmp/council-400-en-390.png', fullPage: true });
		await context.close();
	});
});
