// Comments beyond the RLS matrix: what citizens may write and how much, supports, reports and the
// automatic hiding, bad input, idempotency, deleting an account, and the map query. Everything
// through PostgREST with real JWTs against the running stack.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, type Client } from '../support/clients.ts';
import { CANARY, createWorld, type Role, type World } from '../support/fixtures.ts';

let w: World;
beforeAll(async () => {
	w = await createWorld();
}, 120_000);
afterAll(async () => {
	await w?.cleanup();
});

const api = (role: Role) => w.clients[role];
const raw = (role: Role) => w.clients[role] as unknown as SupabaseClient;

async function stored(id: string) {
	const { rows } = await w.db.query<{ state: string; body: string; author_id: string | null }>(
		'select state, body, author_id from public.comments where id = $1',
		[id]
	);
	return rows[0];
}

/** A signed-in citizen of their own, so counting (rate limits) starts from zero. */
async function freshCitizen(label: string): Promise<{ id: string; client: Client }> {
	const email = `comments-${label}-${w.suffix}@example.com`;
	const password = randomUUID();
	const { data, error } = await w.service.auth.admin.createUser({
		email,
		password,
		email_confirm: true,
		user_metadata: { display_name: `${label} ${w.suffix}`.slice(0, 40) }
	});
	if (error || !data.user) throw new Error(error?.message);
	w.track.users.push(data.user.id);
	return { id: data.user.id, client: await signedInClient(email, password) };
}

async function post(role: Role, extra: Record<string, unknown> = {}) {
	return raw(role)
		.from('comments')
		.insert({
			project_id: w.ids.projectPost,
			author_id: w.users[role as Exclude<Role, 'anon'>].id,
			body: `Beitrag ${randomUUID()}`,
			...extra
		})
		.select('id, state')
		.single();
}

describe('reading', () => {
	it('anon reads published comments only; pending ones only their author and moderators', async () => {
		const ids = [w.ids.commentPublished, w.ids.commentPending, w.ids.commentHidden];
		const seen = async (role: Role) =>
			((await api(role).from('comments').select('id').in('id', ids)).data ?? [])
				.map((r) => r.id)
				.sort();
		expect(await seen('anon')).toEqual([w.ids.commentPublished]);
		expect(await seen('member')).toEqual([w.ids.commentPublished]);
		expect(await seen('citizen')).toEqual([...ids].sort());
		expect(await seen('moderator')).toEqual([...ids].sort());
	});
});

describe('what a citizen cannot do', () => {
	it('cannot approve a pending comment, nor edit or re-state another one', async () => {
		const approve = await api('citizen')
			.from('comments')
			.update({ state: 'published' })
			.eq('id', w.ids.commentPending);
		expect(approve.error?.code).toBe('42501');
		expect((await stored(w.ids.commentPending)).state).toBe('pending');

		const { data: mine } = await post('citizen');
		const other = await api('member')
			.from('comments')
			.update({ body: 'übernommen', state: 'hidden' })
			.eq('id', mine!.id)
			.select('id');
		expect(other.data).toEqual([]);
		expect((await stored(mine!.id)).state).toBe('published');
	});

	it('stops the 31st comment within a minute with a clear error, in the database', async () => {
		const { id, client } = await freshCitizen('rate');
		const rows = Array.from({ length: 30 }, () => ({
			project_id: w.ids.projectPost,
			author_id: id,
			body: `Viel ${randomUUID()}`
		}));
		for (const row of rows) {
			const { error } = await client.from('comments').insert(row);
			expect(error).toBeNull();
		}
		const { error, status } = await client
			.from('comments')
			.insert({ project_id: w.ids.projectPost, author_id: id, body: 'Einer zu viel' });
		expect(error?.code).toBe('PT429');
		expect(status).toBe(429);
		expect(error?.message).toContain('Bitte warten Sie');
		const { rows: count } = await w.db.query(
			'select count(*)::int as n from public.comments where author_id = $1',
			[id]
		);
		expect(count[0].n).toBe(30);
	});
});

describe('bad input', () => {
	const cases: [string, Record<string, unknown>, string][] = [
		['an empty body', { body: '' }, '23514'],
		['a 1 MB body', { body: 'x'.repeat(1_000_000) }, '23514'],
		['a pin off the earth', { pin_lng: 200, pin_lat: 51.2 }, '23514'],
		['half a pin', { pin_lng: 6.8 }, '23514'],
		['a reply to a hidden comment', { parent_id: w?.ids.commentHidden }, '23514']
	];
	it.each(cases)('rejects %s and stores nothing', async (_, change, code) => {
		const id = randomUUID();
		const extra = { ...change };
		if ('parent_id' in extra) extra.parent_id = w.ids.commentHidden;
		const { error } = await post('member', { id, ...extra });
		expect(error?.code).toBe(code);
		expect(await stored(id)).toBeUndefined();
	});

	it('explains why a hidden comment cannot be answered', async () => {
		const { error } = await post('member', { parent_id: w.ids.commentHidden });
		expect(error?.message).toBe('Auf diesen Kommentar kann nicht geantwortet werden.');
	});

	it('keeps script tags as plain text', async () => {
		const body = '<script>alert(1)</script> <a href="javascript:x">Link</a>';
		const { data } = await post('member', { body });
		expect((await stored(data!.id)).body).toBe(body);
	});

	it('accepts an idempotency key once', async () => {
		const key = randomUUID();
		const first = await post('member', { idempotency_key: key });
		expect(first.error).toBeNull();
		const again = await post('member', { idempotency_key: key });
		expect(again.error?.code).toBe('23505');
		const { rows } = await w.db.query('select 1 from public.comments where idempotency_key = $1', [
			key
		]);
		expect(rows).toHaveLength(1);
	});
});

describe('supports', () => {
	it('counts one support per user and refuses supporting one’s own comment', async () => {
		const { data: c } = await post('citizen');
		const support = (role: Role) =>
			raw(role)
				.from('comment_supports')
				.insert({ comment_id: c!.id, user_id: w.users[role as 'member'].id });
		expect((await support('member')).error).toBeNull();
		expect((await support('member')).error?.code).toBe('23505');
		expect((await support('moderator')).error).toBeNull();
		expect((await support('citizen')).error?.code).toBe('42501');
		const counts = await api('anon').rpc('comment_support_counts', {
			p_project_id: w.ids.projectPost
		});
		expect(counts.data?.find((x) => x.comment_id === c!.id)?.supports).toBe(2);
		// Who supported is not public.
		const who = await api('anon').from('comment_supports').select('*').eq('comment_id', c!.id);
		expect(who.data).toEqual([]);
	});

	it('gives no counts for comments the caller cannot see', async () => {
		await w.db.query('insert into public.comment_supports (comment_id, user_id) values ($1, $2)', [
			w.ids.commentHidden,
			w.users.moderator.id
		]);
		const counts = await api('anon').rpc('comment_support_counts', {
			p_project_id: w.ids.projectPost
		});
		expect(counts.data?.map((x) => x.comment_id)).not.toContain(w.ids.commentHidden);
	});
});

describe('reports and moderation', () => {
	it('hides a comment after N reports, keeps it for moderators, and a moderator restores it', async () => {
		await w.db.query('update public.projects set report_threshold = 2 where id = $1', [
			w.ids.projectPost
		]);
		try {
			const { data: c } = await post('citizen');
			const report = (role: Role, reason = 'insult') =>
				raw(role)
					.from('comment_reports')
					.insert({ comment_id: c!.id, reporter_id: w.users[role as 'member'].id, reason });
			expect((await report('member', 'nonsense')).error?.code).toBe('23514');
			expect((await report('member')).error).toBeNull();
			expect((await report('member')).error?.code).toBe('23505');
			expect((await stored(c!.id)).state).toBe('published');
			expect((await report('editor')).error).toBeNull();
			expect((await stored(c!.id)).state).toBe('hidden');
			expect((await api('anon').from('comments').select('id').eq('id', c!.id)).data).toEqual([]);

			// The author sees the state of their own comment.
			const own = await api('citizen').from('comments').select('state').eq('id', c!.id);
			expect(own.data).toEqual([{ state: 'hidden' }]);

			const restore = await api('moderator')
				.from('comments')
				.update({ state: 'published' })
				.eq('id', c!.id);
			expect(restore.error).toBeNull();
			const resolve = await api('moderator')
				.from('comment_reports')
				.update({ resolved_at: new Date().toISOString(), resolved_by: w.users.moderator.id })
				.eq('comment_id', c!.id)
				.select('id');
			expect(resolve.data).toHaveLength(2);
			expect((await stored(c!.id)).state).toBe('published');
		} finally {
			await w.db.query('update public.projects set report_threshold = 3 where id = $1', [
				w.ids.projectPost
			]);
		}
	});

	it('keeps moderator notes away from citizens', async () => {
		const note = { comment_id: w.ids.commentPublished, body: `Geprüft ${CANARY}` };
		const byCitizen = await api('citizen')
			.from('moderation_notes')
			.insert({ ...note, author_id: w.users.citizen.id });
		expect(byCitizen.error?.code).toBe('42501');
		const byModerator = await api('moderator')
			.from('moderation_notes')
			.insert({ ...note, author_id: w.users.moderator.id })
			.select('id')
			.single();
		expect(byModerator.error).toBeNull();
		const read = await api('citizen')
			.from('moderation_notes')
			.select('id')
			.eq('id', byModerator.data!.id);
		expect(read.data).toEqual([]);
	});
});

describe('deleting one’s account', () => {
	it('erases the account and profile, keeps the comments without author', async () => {
		const { id, client } = await freshCitizen('leaving');
		await client
			.from('consents')
			.insert({ user_id: id, kind: 'participation', version: `test-${w.suffix}` });
		const { data: c } = await client
			.from('comments')
			.insert({ project_id: w.ids.projectPost, author_id: id, body: 'Auf Wiedersehen' })
			.select('id')
			.single();
		expect((await w.clients.anon.rpc('delete_own_account')).error).not.toBeNull();
		const { error } = await client.rpc('delete_own_account');
		expect(error).toBeNull();
		for (const [table, column] of [
			['auth.users', 'id'],
			['public.profiles', 'id'],
			['public.consents', 'user_id']
		]) {
			const { rowCount } = await w.db.query(`select 1 from ${table} where ${column} = $1`, [id]);
			expect(rowCount, table).toBe(0);
		}
		expect(await stored(c!.id)).toMatchObject({ author_id: null, state: 'published' });
	});
});

describe('map query', () => {
	// Projects of our own at a random spot outside the city, so other test runs cannot interfere.
	const lng = 10 + Math.random();
	const lat = 48 + Math.random();
	const mapIds = { building: randomUUID(), traffic: randomUUID(), draft: randomUUID() };
	const view = { west: lng - 0.01, south: lat - 0.01, east: lng + 0.01, north: lat + 0.01 };
	beforeAll(async () => {
		const add = async (id: string, kind: string, dx: number, published: boolean) => {
			w.track.projects.push(id);
			const point = [lng + dx, lat];
			await w.db.query(
				`insert into public.projects (id, slug, title, kind, geometry, min_lng, min_lat, max_lng,
				 max_lat, published_at) values ($1, $2, $3, $4, $5, $6, $7, $6, $7, $8)`,
				[
					id,
					`karte-${id}`,
					`Karte ${kind} ${w.suffix}`,
					kind,
					JSON.stringify({ type: 'Point', coordinates: point }),
					point[0],
					point[1],
					published ? new Date(Date.now() - 60_000).toISOString() : null
				]
			);
		};
		await add(mapIds.building, 'building', -0.005, true);
		await add(mapIds.traffic, 'traffic', 0.005, true);
		await add(mapIds.draft, 'building', 0.005, false);
	});

	it('clusters the projects of a view and leaves out drafts', async () => {
		const coarse = await api('anon').rpc('project_map', { ...view, grid_columns: 1, grid_rows: 1 });
		expect(coarse.error).toBeNull();
		expect(coarse.data).toHaveLength(1);
		expect(coarse.data![0]).toMatchObject({ cell_count: 2, id: null, geometry: null });
		const staff = await api('editor').rpc('project_map', {
			...view,
			grid_columns: 1,
			grid_rows: 1
		});
		expect(staff.data![0].cell_count).toBe(3);
	});

	it('returns single projects with their geometry on a fine grid, filtered by kind', async () => {
		const fine = await api('anon').rpc('project_map', { ...view, grid_columns: 8, grid_rows: 8 });
		expect(fine.data!.map((c) => c.id).sort()).toEqual([mapIds.building, mapIds.traffic].sort());
		expect(fine.data![0].geometry).toMatchObject({ type: 'Point' });
		const building = await api('anon').rpc('project_map', {
			...view,
			grid_columns: 8,
			grid_rows: 8,
			kinds: ['building']
		});
		expect(building.data!.map((c) => c.id)).toEqual([mapIds.building]);
		const open = await api('anon').rpc('project_map', { ...view, open_only: true });
		expect(open.data).toEqual([]);
	});

	it('filters open participation through the computed column', async () => {
		const { data } = await api('anon')
			.from('projects')
			.select('id, participation_open')
			.in('id', [w.ids.projectPost, w.ids.projectClosed]);
		const open = Object.fromEntries(
			(data as unknown as { id: string; participation_open: boolean }[]).map((p) => [
				p.id,
				p.participation_open
			])
		);
		expect(open).toEqual({ [w.ids.projectPost]: true, [w.ids.projectClosed]: false });
	});
});
