// The moderators' and planners' side in real Chromium: the queue with approve and notes, the
// per-project CSV and GeoJSON exports and the statistics page; citizens are kept out.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { createWorld, type UserRole, type World } from '../support/fixtures.ts';

const appUrl = inject('appUrl');
let browser: Browser;
let w: World;

beforeAll(async () => {
	[browser, w] = await Promise.all([launchBrowser(), createWorld()]);
	// A pinned reply, so the exports have a parent id and a point.
	await w.db.query(
		`insert into public.comments (project_id, parent_id, author_id, body, pin_lng, pin_lat, state)
		 values ($1, $2, $3, 'Hier ist es gefährlich', 6.7812, 51.2234, 'published')`,
		[w.ids.projectPost, w.ids.commentPublished, w.users.member.id]
	);
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await w?.cleanup();
});

async function signIn(role: UserRole): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${appUrl}/login`);
	await page.fill('#pw-email', w.users[role].email);
	await page.fill('#pw-password', w.users[role].password);
	// Wait for hydration first, so the click submits the enhanced form and never races it.
	await page.waitForLoadState('networkidle');
	await page.click('form[action^="?/password"] button');
	await page.waitForURL(`${appUrl}/`, { waitUntil: 'commit' });
	return { context, page };
}

describe('moderation', () => {
	it('approves a pending comment from the queue and keeps a private note', async () => {
		const { context, page } = await signIn('moderator');
		await page.goto(`${appUrl}/moderation?projekt=${w.ids.projectPre}`);
		const item = page.locator('article.item', {
			has: page.locator(`a[href*="${w.ids.commentPending}"]`)
		});
		await expect.poll(() => item.count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);

		await item.locator('summary').click();
		await item.locator('textarea[name="body"]').fill('Rücksprache mit dem Planungsamt');
		await item.locator('button', { hasText: 'Notiz speichern' }).click();
		await expect
			.poll(async () => {
				const { rows } = await w.db.query(
					'select body from public.moderation_notes where comment_id = $1',
					[w.ids.commentPending]
				);
				return rows.map((r) => r.body);
			})
			.toEqual(['Rücksprache mit dem Planungsamt']);

		await item.locator('button', { hasText: 'Freigeben' }).click();
		await expect
			.poll(async () => {
				const { rows } = await w.db.query('select state from public.comments where id = $1', [
					w.ids.commentPending
				]);
				return rows[0].state;
			})
			.toBe('published');
		await context.close();
	});

	it('exports CSV and GeoJSON and shows statistics to planners', async () => {
		const { context, page } = await signIn('editor');
		const csv = await page.request.get(`${appUrl}/projects/${w.ids.projectPost}/beitraege.csv`);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = await csv.text();
		const [header, ...lines] = text
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(header).toBe(
			'id,parent_id,state,is_official,author,body,pin_lng,pin_lat,supports,created_at,modified_at'
		);
		const reply = lines.find((l) => l.includes('Hier ist es gefährlich'));
		expect(reply).toContain(`,${w.ids.commentPublished},published,`);
		expect(text).toContain(`${w.ids.commentHidden},,hidden,`);
		// Removed text never leaves the database.
		expect(text).not.toContain('Entfernt ');

		const geo = await page.request.get(
			`${appUrl}/projects/${w.ids.projectPost}/markierungen.geojson`
		);
		const collection = (await geo.json()) as {
			type: string;
			features: { geometry: { coordinates: number[] }; properties: { parent_id: string } }[];
		};
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.features).toHaveLength(1);
		expect(collection.features[0].geometry.coordinates).toEqual([6.7812, 51.2234]);
		expect(collection.features[0].properties.parent_id).toBe(w.ids.commentPublished);

		await page.goto(`${appUrl}/projects/${w.ids.projectPost}/statistik`);
		await expect.poll(() => page.locator('h1').innerText()).toContain('Statistik');
		expect(await page.locator('table').first().locator('tbody tr').count()).toBeGreaterThan(0);
		expect(await axeViolations(page)).toEqual([]);
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: '/tmp/project-statistics-desktop.png', fullPage: true });
		await context.close();
	});

	it('keeps citizens out of the queue and the exports', async () => {
		const { context, page } = await signIn('citizen');
		expect((await page.goto(`${appUrl}/moderation`))?.status()).toBe(403);
		const csv = await page.request.get(`${appUrl}/projects/${w.ids.projectPost}/beitraege.csv`);
		expect(csv.status()).toBe(403);
		await context.close();
	});
});
