// Projects and comments as a citizen uses them, in real Chromium against the production build:
// map → filter → project → sign up with a magic link → comment → reply → report, then the offline
// outbox, and axe-core on the map and project pages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { createWorld, type World } from '../support/fixtures.ts';

const appUrl = inject('appUrl');
const supabaseUrl = inject('supabaseUrl');
let browser: Browser;
let w: World;
let title: string;

beforeAll(async () => {
	[browser, w] = await Promise.all([launchBrowser(), createWorld()]);
	// Sorted first in the list, so the filtered first page shows it.
	title = `Aaa Testradweg ${w.suffix}`;
	await w.db.query('update public.projects set title = $1 where id = $2', [
		title,
		w.ids.projectPost
	]);
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await w?.cleanup();
});

async function commentRows(body: string) {
	const { rows } = await w.db.query<{ id: string; state: string; author_id: string }>(
		'select id, state, author_id from public.comments where body = $1',
		[body]
	);
	return rows;
}

describe('projects without JavaScript', () => {
	it('lists projects on the server and filters them with a plain form', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const response = await page.goto(`${appUrl}/projects?kind=traffic&open=1`);
		expect(response?.status()).toBe(200);
		await expect.poll(() => page.locator('.project-list').innerText()).toContain(title);
		const metas = await page.locator('.project-list .meta').allInnerTexts();
		expect(
			metas.every((m) => m.includes('Verkehrsprojekt') && m.includes('Beteiligung offen'))
		).toBe(true);
		expect((await page.goto(`${appUrl}/projects?kind=ufo`))?.status()).toBe(400);
		expect((await page.goto(`${appUrl}/projects/keine-uuid`))?.status()).toBe(400);
		const missing = await page.goto(`${appUrl}/projects/00000000-0000-4000-8000-000000000000`);
		expect(missing?.status()).toBe(404);
		await context.close();
	});
});

describe('a citizen takes part', () => {
	let context: BrowserContext;
	let page: Page;
	const email = `beteiligung-${Date.now()}@example.org`;

	beforeAll(async () => {
		context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		page = await context.newPage();
	});
	afterAll(async () => {
		const { rows } = await w.db.query<{ id: string }>(
			'select id from auth.users where email = $1',
			[email]
		);
		w.track.users.push(...rows.map((r) => r.id));
		await context?.close();
	});

	it('finds the project on the map page through the filters, without axe violations', async () => {
		await page.goto(`${appUrl}/projects`);
		await page.waitForSelector('.leaflet-container');
		await expect.poll(() => page.locator('.map-status').innerText()).toMatch(/im Kartenausschnitt/);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: '/tmp/projects-map-phone.png', fullPage: true });

		await page.selectOption('#f-kind', 'traffic');
		await page.check('#f-open');
		await page.click('.filters button[type="submit"]');
		await page.waitForURL(/kind=traffic/);
		await page.click(`text=${title}`);
		await page.waitForURL(`${appUrl}/projects/${w.ids.projectPost}`);
		await page.waitForSelector('.leaflet-container');
		expect(await page.locator('h1').innerText()).toBe(title);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('signs up with a magic link, chooses a pseudonym and comments with a pin', async () => {
		await page.click('text=Melden Sie sich an, um mitzudiskutieren');
		await page.fill('#ml-email', email);
		await page.click('form[action^="?/magic"] button');
		// Other live regions may share the page: look for the one that names the address.
		await expect.poll(() => page.locator('[role="status"]', { hasText: email }).count()).toBe(1);
		const outbox = (await (await fetch(`${supabaseUrl}/_outbox.json`)).json()) as {
			recipient: string;
			link: string;
		}[];
		await page.goto(outbox.find((m) => m.recipient === email)!.link);
		await page.waitForURL(`${appUrl}/projects/${w.ids.projectPost}`);

		await page.click('text=Bitte wählen Sie zuerst ein Pseudonym');
		await page.fill('#display-name', email);
		await page.click('form[action^="?/pseudonym"] button');
		await expect
			.poll(() => page.locator('#display-name ~ .field-error').innerText())
			.toContain('keine E-Mail-Adresse');
		await page.fill('#display-name', `Nachbarin ${w.suffix}`.slice(0, 40));
		await page.click('form[action^="?/pseudonym"] button');
		await page.waitForURL(`${appUrl}/projects/${w.ids.projectPost}`);

		const body = `Bitte einen Zebrastreifen! <script>alert(1)</script> https://example.org ${w.suffix}`;
		await page.click('.leaflet-container', { position: { x: 120, y: 120 } });
		await expect
			.poll(() => page.locator('.pin-tools p').innerText())
			.toContain('Markierung gesetzt');
		await page.fill('#c-body', body);
		await page.check('#c-consent');
		await page.click('form.comment-form >> text=Beitrag senden');
		await expect
			.poll(() => page.locator('.notice.success').first().innerText())
			.toContain('veröffentlicht');
		await expect.poll(() => page.locator('.comment .body').allInnerTexts()).toContain(body);
		const rows = await commentRows(body);
		expect(rows).toHaveLength(1);
		const { rows: stored } = await w.db.query(
			'select pin_lng, pin_lat from public.comments where id = $1',
			[rows[0].id]
		);
		expect(stored[0].pin_lng).toBeGreaterThan(0);
		const { rows: consent } = await w.db.query(
			`select given_at from public.consents where user_id = $1 and kind = 'participation'`,
			[rows[0].author_id]
		);
		expect(consent).toHaveLength(1);
		// Rendered as text: no script element came from the comment.
		expect(await page.locator('.comment .body script').count()).toBe(0);
		await page.screenshot({ path: '/tmp/project-comment-phone.png', fullPage: true });
	});

	it('replies to a comment and reports it', async () => {
		const thread = page.locator(`#beitrag-${w.ids.commentPublished}`);
		await thread.locator('summary', { hasText: 'Antworten' }).click();
		const reply = `Sehe ich genauso ${w.suffix}`;
		await thread.locator('textarea[name="body"]').fill(reply);
		await thread.locator('button', { hasText: 'Antwort senden' }).click();
		await expect.poll(async () => (await commentRows(reply)).length).toBe(1);
		await expect.poll(() => thread.locator('.reply .body').allInnerTexts()).toContain(reply);

		await thread.locator('summary', { hasText: 'Melden' }).first().click();
		await thread.locator('select[name="reason"]').first().selectOption('off_topic');
		await thread.locator('button', { hasText: 'Meldung senden' }).first().click();
		await expect.poll(() => thread.locator('.reported').first().innerText()).toContain('Gemeldet');
		const { rows } = await w.db.query(
			`select r.reason from public.comment_reports r join auth.users u on u.id = r.reporter_id
			 where r.comment_id = $1 and u.email = $2`,
			[w.ids.commentPublished, email]
		);
		expect(rows).toEqual([{ reason: 'off_topic' }]);
	});

	it('keeps a comment written offline in the outbox and delivers it exactly once', async () => {
		await context.setOffline(true);
		const body = `Ohne Netz geschrieben ${w.suffix}`;
		await page.fill('#c-body', body);
		await page.click('form.comment-form >> text=Beitrag senden');
		await expect
			.poll(() => page.locator('[data-outbox-status]').first().innerText())
			.toContain('Ohne Netz gespeichert');
		expect(await commentRows(body)).toHaveLength(0);

		await context.setOffline(false);
		await expect.poll(async () => (await commentRows(body)).length, { timeout: 15_000 }).toBe(1);
		await expect.poll(() => page.locator('[data-outbox-status]').count()).toBe(0);
		await expect.poll(() => page.locator('.comment .body').allInnerTexts()).toContain(body);

		// A second delivery of the same entry (as after a lost answer) is refused by the database's
		// idempotency key and counted as delivered: still exactly one comment.
		const key = await w.db.query<{ idempotency_key: string }>(
			'select idempotency_key from public.comments where body = $1',
			[body]
		);
		await page.evaluate(
			async ({ key, projectId, body }) => {
				const db = await new Promise<IDBDatabase>((resolve, reject) => {
					const r = indexedDB.open('ratsinfo-outbox', 1);
					r.onsuccess = () => resolve(r.result);
					r.onerror = () => reject(r.error);
				});
				await new Promise<void>((resolve) => {
					const tx = db.transaction('comments', 'readwrite');
					tx.objectStore('comments').put({
						key,
						projectId,
						parentId: null,
						body,
						pinLng: null,
						pinLat: null,
						official: false,
						consent: false,
						status: 'waiting',
						error: null,
						createdAt: new Date().toISOString()
					});
					tx.oncomplete = () => resolve();
				});
				db.close();
				window.dispatchEvent(new Event('online'));
			},
			{ key: key.rows[0].idempotency_key, projectId: w.ids.projectPost, body }
		);
		const waiting = () =>
			page.evaluate(
				() =>
					new Promise<number>((resolve) => {
						const r = indexedDB.open('ratsinfo-outbox', 1);
						r.onsuccess = () => {
							const count = r.result.transaction('comments').objectStore('comments').count();
							count.onsuccess = () => {
								r.result.close();
								resolve(count.result);
							};
						};
					})
			);
		await expect.poll(waiting).toBe(0);
		expect(await commentRows(body)).toHaveLength(1);
	});
});
