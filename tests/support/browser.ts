// Real Chromium (Debian's) driven by playwright-core, with axe-core for accessibility checks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Chromium whose new pages and contexts speak German (Accept-Language de-DE) unless told otherwise. */
export async function launchBrowser(): Promise<Browser> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	const newContext = browser.newContext.bind(browser);
	const newPage = browser.newPage.bind(browser);
	browser.newContext = (options = {}) => newContext({ locale: 'de-DE', ...options });
	browser.newPage = (options = {}) => newPage({ locale: 'de-DE', ...options });
	return browser;
}

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** WCAG 2.1 A and AA violations on the current page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	// Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) stays in force.
	await page.evaluate(axeSource);
	return page.evaluate(async () => {
		const axe = (
			window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } }
		).axe;
		const result = await axe.run({
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
		});
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target }))
		}));
	});
}
