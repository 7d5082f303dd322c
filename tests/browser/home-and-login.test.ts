// The first pages as a person uses them: in real Chromium against the production build.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient } from '../support/clients.ts';
import { axeViolations, launchBrowser } from '../support/browser.ts';

const appUrl = inject('appUrl');
const supabaseUrl = inject('supabaseUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function nextMeetingName(): Promise<string> {
	const { data, error } = await anonClient()
		.from('meetings')
		.select('name')
		.gte('start_at', new Date().toISOString())
		.order('start_at')
		.limit(1)
		.single();
	if (error) throw error;
	return data.name;
}

describe('home page', () => {
	it('lists the next published meeting from the database, also without JavaScript', async () => {
		const expected = await nextMeetingName();
		for (const javaScriptEnabled of [true, false]) {
			const context = await browser.newContext({ javaScriptEnabled });
			const page = await context.newPage();
			const response = await page.goto(appUrl);
			expect(response?.status()).toBe(200);
			const items = page.locator('section[aria-labelledby="upcoming"] li');
			expect(await items.count()).toBeGreaterThan(0);
			await expect.poll(() => items.first().locator('h3').innerText()).toContain(expected);
			await context.close();
		}
	});

	it('sends a CSP header and has no WCAG 2.1 AA violations', async () => {
		const page = await browser.newPage();
		const response = await page.goto(appUrl);
		expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});
});

describe('language', () => {
	it('speaks German by default and switches to English and back without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${appUrl}/login`);
		expect(await page.getAttribute('html', 'lang')).toBe('de');
		expect(await page.locator('h1').innerText()).toBe('Anmelden');
		await page.click('a[hreflang="en"]');
		await page.waitForURL(`${appUrl}/login`);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('a.skip-link').innerText()).toBe('Skip to content');
		await page.click('a[hreflang="de"]');
		expect(await page.getAttribute('html', 'lang')).toBe('de');
		await context.close();
	});
});

describe('login', () => {
	it('keeps the typed address and explains a wrong password', async () => {
		const page = await browser.newPage();
		await page.goto(`${appUrl}/login`);
		await page.fill('#pw-email', 'buerger@rheinstadt.example');
		await page.fill('#pw-password', 'falsch');
		await page.click('form[action^="?/password"] button');
		await expect.poll(() => page.locator('[role="alert"]').innerText()).toContain('stimmen nicht');
		expect(await page.inputValue('#pw-email')).toBe('buerger@rheinstadt.example');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});

	it('explains in English what to fix and keeps what was typed, with and without JavaScript', async () => {
		for (const javaScriptEnabled of [true, false]) {
			const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled });
			const page = await context.newPage();
			// Typing before hydration would be lost when Svelte takes over the form.
			await page.goto(`${appUrl}/login`, { waitUntil: 'networkidle' });
			expect(await page.locator('h1').innerText()).toBe('Sign in');
			await page.fill('#pw-email', 'kein-at-zeichen');
			await page.click('form[action^="?/password"] button');
			const passwordForm = page.locator('form[action^="?/password"]');
			await expect
				.poll(() => passwordForm.innerText())
				.toContain('Please enter a valid e-mail address, e.g. name@example.com.');
			expect(await passwordForm.innerText()).toContain('Please enter your password.');
			expect(await passwordForm.innerText()).not.toContain('Bitte');
			expect(await page.inputValue('#pw-email')).toBe('kein-at-zeichen');
			expect(await page.getAttribute('#pw-email', 'aria-invalid')).toBe('true');

			await page.fill('#ml-email', 'noch@falsch');
			await page.click('form[action^="?/magic"] button');
			const magicForm = page.locator('form[action^="?/magic"]');
			await expect.poll(() => magicForm.innerText()).toContain('Please enter a valid e-mail');
			expect(await page.inputValue('#ml-email')).toBe('noch@falsch');
			// axe runs as page script, which a context without JavaScript does not execute.
			if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
			await context.close();
		}
	});

	it('explains account form errors in English and keeps what was typed', async () => {
		const context = await browser.newContext({ locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto(`${appUrl}/login`, { waitUntil: 'networkidle' });
		await page.fill('#pw-email', 'buerger@rheinstadt.example');
		await page.fill('#pw-password', 'Demo-Passwort-2026');
		await page.click('form[action^="?/password"] button');
		await page.waitForURL(`${appUrl}/`);
		await page.goto(`${appUrl}/konto`, { waitUntil: 'networkidle' });
		const before = await page.inputValue('#display-name');
		await page.fill('#display-name', 'ich@example.org');
		await page.click('form[action^="?/pseudonym"] button');
		await expect
			.poll(() => page.locator('form[action^="?/pseudonym"] .field-error').innerText())
			.toBe('Please do not use an e-mail address as your pseudonym.');
		expect(await page.inputValue('#display-name')).toBe('ich@example.org');

		await page.fill('#confirm-delete', 'delete');
		await page.click('form[action="?/delete"] button');
		await expect
			.poll(() => page.locator('form[action="?/delete"] .field-error').innerText())
			.toBe('Please type LÖSCHEN to confirm.');
		expect(await page.inputValue('#confirm-delete')).toBe('delete');
		expect(await axeViolations(page)).toEqual([]);
		// Nothing was changed: the pseudonym is still the old one.
		await page.goto(`${appUrl}/konto`);
		expect(await page.inputValue('#display-name')).toBe(before);
		await context.close();
	});

	it('keeps what was typed before the page came alive and signs in with it', async () => {
		// On a slow phone the form is there before the app's JavaScript: hold the scripts back,
		// type, then let them run. Hydration must not empty the fields.
		const context = await browser.newContext();
		const page = await context.newPage();
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`${appUrl}/login`, { waitUntil: 'domcontentloaded' });
		await page.fill('#pw-email', 'buerger@rheinstadt.example');
		await page.fill('#pw-password', 'Demo-Passwort-2026');
		release();
		await page.waitForLoadState('networkidle');
		expect(await page.inputValue('#pw-email')).toBe('buerger@rheinstadt.example');
		expect(await page.inputValue('#pw-password')).toBe('Demo-Passwort-2026');
		await page.click('form[action^="?/password"] button');
		await page.waitForURL(`${appUrl}/`);
		expect(await page.locator('.who').innerText()).toMatch(/^Angemeldet als /);
		await context.close();
	});

	it('signs a demo user in with the password and out again, without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${appUrl}/login`);
		await page.fill('#pw-email', 'buerger@rheinstadt.example');
		await page.fill('#pw-password', 'Demo-Passwort-2026');
		await page.click('form[action^="?/password"] button');
		await page.waitForURL(`${appUrl}/`);
		expect(await page.locator('.who').innerText()).toMatch(/^Angemeldet als /);
		await page.click('text=Abmelden');
		await page.waitForURL(`${appUrl}/`);
		expect(await page.locator('.who').count()).toBe(0);
		await context.close();
	});

	it('signs a new citizen up and in with a magic link from the local outbox', async () => {
		const email = `neu-${Date.now()}@example.org`;
		const page = await browser.newPage();
		await page.goto(`${appUrl}/login`);
		await page.fill('#ml-email', email);
		await page.click('form[action^="?/magic"] button');
		await expect.poll(() => page.locator('main [role="status"]').innerText()).toContain(email);

		const outbox = (await (await fetch(`${supabaseUrl}/_outbox.json`)).json()) as {
			recipient: string;
			link: string;
		}[];
		const mail = outbox.find((m) => m.recipient === email);
		expect(mail?.link).toMatch(/\/auth\/v1\/verify\?token=/);
		await page.goto(mail!.link);
		await page.waitForURL(`${appUrl}/`);
		expect(await page.locator('.who').innerText()).toContain(email);

		// A link works once.
		await page.context().clearCookies();
		await page.goto(mail!.link);
		await page.waitForURL(/\/login\?fehler=/);
		expect(await page.locator('[role="alert"]').innerText()).toContain('abgelaufen');
		await page.close();
	});
});
