// An isolated fixture world for integration tests: one body with two committees (A and B), their
// meetings, agenda items, papers, files, projects and comments in every visibility state, plus one
// user per role. Names carry a random suffix so runs never collide with each other or with the demo
// data; cleanup() removes all of it, auth users included.
//
// Council data is written with the superuser pool (no API role may create all of it); users go
// through the service client's auth admin API like in production; comment removals are produced by
// the real trigger, run with the remover's JWT claims.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { anonClient, serviceClient, signedInClient, superuser, type Client } from './clients.ts';

/** Every row that must never reach the public carries this phrase (name, body, page text). */
export const CANARY = 'KANARIENVOGEL-NICHTOEFFENTLICH';

export const roles = ['anon', 'citizen', 'member', 'moderator', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];
export type UserRole = Exclude<Role, 'anon'>;
export type AppRole = 'citizen' | 'moderator' | 'editor' | 'admin';

/** The profile role of each test user; a "member" is a citizen linked to a member of committee A. */
export const appRoleOf: Record<UserRole, AppRole> = {
	citizen: 'citizen',
	member: 'citizen',
	moderator: 'moderator',
	editor: 'editor',
	admin: 'admin'
};

export interface TestUser {
	id: string;
	email: string;
	password: string;
}

export interface FixtureFile {
	id: string;
	storagePath: string;
}

const DAY = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();
const dateOnly = (offsetDays: number) => iso(offsetDays).slice(0, 10);

/** ids of every council row, named by what makes the row interesting. */
function newIds() {
	const names = [
		'body',
		'bodyDraft',
		'term',
		'termDraft',
		'orgA',
		'orgB',
		'orgDraft',
		'personA',
		'personB',
		'personDraft',
		'membershipA',
		'membershipB',
		'membershipDraft',
		'location',
		'meetingA',
		'meetingB',
		'meetingDraft',
		'meetingFuture',
		'itemPublic',
		'itemSecretA',
		'itemDraft',
		'itemSecretB',
		'itemInDraftMeeting',
		'paperPublic',
		'paperPublic2',
		'paperSecretA',
		'paperSecretB',
		'paperDraft',
		'consultationPublic',
		'consultationSecretA',
		'consultationSecretB',
		'consultationDraft',
		'consultationPublicInSecretItem',
		'projectPost',
		'projectPre',
		'projectClosed',
		'projectDraft',
		'phasePostOpen',
		'phasePostPast',
		'phasePreOpen',
		'phaseClosed',
		'phaseDraftOpen',
		'commentPublished',
		'commentPending',
		'commentHidden',
		'commentRemovedByAuthor',
		'commentRemovedByModerator',
		'commentOnDraft'
	] as const;
	return Object.fromEntries(names.map((n) => [n, randomUUID()])) as Record<
		(typeof names)[number],
		string
	>;
}
export type FixtureIds = ReturnType<typeof newIds>;

export type FileLabel = 'public' | 'secretA' | 'secretB' | 'draft';

export interface World {
	suffix: string;
	ids: FixtureIds;
	files: Record<FileLabel, FixtureFile>;
	users: Record<UserRole, TestUser>;
	/** Superuser pool (bypasses RLS); never carries JWT claims. */
	db: pg.Pool;
	service: Client;
	/** One client per role, signed in with a real password grant (anon: the anon key only). */
	clients: Record<Role, Client>;
	/** Registers rows and users that tests create on top of the world, so cleanup() removes them. */
	track: Tracked;
	/** Uploads bytes to bucket `files` with the service client and tracks the object. */
	upload(path: string, bytes: Uint8Array): Promise<void>;
	/** Runs SQL as superuser but with a user's JWT claims, so triggers see auth.uid() = that user. */
	asUser<T extends pg.QueryResultRow>(
		userId: string,
		sql: string,
		params?: unknown[]
	): Promise<T[]>;
	cleanup(): Promise<void>;
}

export interface Tracked {
	bodies: string[];
	files: string[];
	projects: string[];
	locations: string[];
	users: string[];
	objects: string[];
}

/** `insert into public.<table>` of one row, values as parameters. */
export async function insertRow(
	db: pg.Pool | pg.Client,
	table: string,
	row: Record<string, unknown>
): Promise<void> {
	const columns = Object.keys(row);
	const list = columns.map((c) => `"${c}"`).join(', ');
	const params = columns.map((_, i) => `$${i + 1}`).join(', ');
	const values = columns.map((c) => {
		const v = row[c];
		return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
	});
	await db.query(`insert into public.${table} (${list}) values (${params})`, values);
}

type Add = (table: string, row: Record<string, unknown>) => Promise<void>;

async function createCouncil(add: Add, ids: FixtureIds, s: string) {
	const published = iso(-1);
	const secret = (name: string) => `${name} ${CANARY} ${s}`;
	const body = ids.body;

	await add('bodies', { id: body, name: `Teststadt ${s}`, published_at: published });
	await add('bodies', { id: ids.bodyDraft, name: secret('Entwurfsstadt') });
	const term = (id: string, body_id: string, name: string) =>
		add('legislative_terms', { id, body_id, name, start_date: '2020-11-01' });
	await term(ids.term, body, `Wahlperiode ${s}`);
	await term(ids.termDraft, ids.bodyDraft, secret('Wahlperiode'));

	const org = (id: string, name: string, published_at: string | null = published) =>
		add('organizations', { id, body_id: body, name, organization_type: 'committee', published_at });
	await org(ids.orgA, `Ausschuss A ${s}`);
	await org(ids.orgB, `Ausschuss B ${s}`);
	await org(ids.orgDraft, secret('Ausschuss'), null);

	const person = (id: string, name: string, published_at: string | null = published) =>
		add('persons', { id, body_id: body, name, published_at });
	await person(ids.personA, `Anna Mitglied ${s}`);
	await person(ids.personB, `Bernd Mitglied ${s}`);
	await person(ids.personDraft, secret('Person'), null);

	const membership = (id: string, person_id: string, organization_id: string, role: string) =>
		add('memberships', { id, person_id, organization_id, role, start_date: '2020-01-01' });
	await membership(ids.membershipA, ids.personA, ids.orgA, 'Mitglied');
	await membership(ids.membershipB, ids.personB, ids.orgB, 'Mitglied');
	await membership(ids.membershipDraft, ids.personDraft, ids.orgA, secret('Rolle'));

	await add('locations', { id: ids.location, description: `Rathaus ${s}`, room: 'Plenarsaal' });
	const meeting = async (
		id: string,
		org: string,
		name: string,
		start: number,
		pub: string | null
	) => {
		await add('meetings', { id, body_id: body, name, start_at: iso(start), published_at: pub });
		await add('meeting_organizations', { meeting_id: id, organization_id: org });
	};
	await meeting(ids.meetingA, ids.orgA, `Sitzung A ${s}`, -7, published);
	await meeting(ids.meetingB, ids.orgB, `Sitzung B ${s}`, -6, published);
	await meeting(ids.meetingDraft, ids.orgA, secret('Sitzung (Entwurf)'), 5, null);
	// Publication scheduled for later: a draft until then.
	await meeting(ids.meetingFuture, ids.orgA, secret('Sitzung (geplant)'), 40, iso(30));

	const item = (id: string, meeting_id: string, order: number, name: string, extra = {}) =>
		add('agenda_items', { id, meeting_id, order, name, published_at: published, ...extra });
	await item(ids.itemPublic, ids.meetingA, 1, `Öffentlicher Punkt ${s}`);
	await item(ids.itemSecretA, ids.meetingA, 2, secret('Punkt A'), { public: false });
	await item(ids.itemDraft, ids.meetingA, 3, secret('Punkt (Entwurf)'), { published_at: null });
	await item(ids.itemSecretB, ids.meetingB, 1, secret('Punkt B'), { public: false });
	await item(ids.itemInDraftMeeting, ids.meetingDraft, 1, secret('Punkt einer Entwurfssitzung'));
}

function fileRows(s: string) {
	const file = (label: string, name: string, isPublic: boolean, published: boolean) => ({
		id: randomUUID(),
		storagePath: `rls-test/${s}/${label}.pdf`,
		name,
		public: isPublic,
		published
	});
	return {
		public: file('public', `Vorlage öffentlich ${s}`, true, true),
		secretA: file('secret-a', `Anlage A ${CANARY} ${s}`, false, true),
		secretB: file('secret-b', `Anlage B ${CANARY} ${s}`, false, true),
		draft: file('draft', `Entwurf ${CANARY} ${s}`, true, false)
	} satisfies Record<FileLabel, FixtureFile & Record<string, unknown>>;
}

async function createDocuments(
	add: Add,
	ids: FixtureIds,
	files: ReturnType<typeof fileRows>,
	s: string
) {
	const published = iso(-1);
	for (const f of Object.values(files)) {
		await add('files', {
			id: f.id,
			name: f.name,
			file_name: f.storagePath.split('/').pop(),
			storage_path: f.storagePath,
			public: f.public,
			published_at: f.published ? published : null,
			page_count: 1
		});
		const open = f.public && f.published;
		const content = open ? `Öffentlicher Seitentext ${s}` : `Vertraulicher Text ${CANARY} ${s}`;
		await add('file_pages', { file_id: f.id, page_number: 1, content });
	}

	const paper = (id: string, ref: string, name: string, extra = {}) =>
		add('papers', {
			id,
			body_id: ids.body,
			reference: `${ref}/${s}`,
			name,
			paper_type: 'Beschlussvorlage',
			date: dateOnly(-10),
			published_at: published,
			...extra
		});
	await paper(ids.paperPublic, 'OEF-1', `Vorlage öffentlich ${s}`, {
		main_file_id: files.public.id
	});
	await paper(ids.paperPublic2, 'OEF-2', `Ergänzungsvorlage ${s}`);
	await paper(ids.paperSecretA, 'NOE-A', `Vorlage A ${CANARY} ${s}`, { public: false });
	await paper(ids.paperSecretB, 'NOE-B', `Vorlage B ${CANARY} ${s}`, { public: false });
	await paper(ids.paperDraft, 'ENT-1', `Vorlage ${CANARY} Entwurf ${s}`, { published_at: null });

	const relate = (paper_id: string, relation = 'related') =>
		add('paper_relations', { paper_id, related_paper_id: ids.paperPublic, relation });
	await relate(ids.paperPublic2, 'supplement');
	await relate(ids.paperSecretA);
	await relate(ids.paperSecretB);
	await relate(ids.paperDraft);

	await add('file_attachments', { file_id: files.public.id, agenda_item_id: ids.itemPublic });
	await add('file_attachments', { file_id: files.secretA.id, paper_id: ids.paperSecretA });
	await add('file_attachments', { file_id: files.secretB.id, paper_id: ids.paperSecretB });
	await add('file_attachments', { file_id: files.draft.id, paper_id: ids.paperDraft });

	const consult = (id: string, paper_id: string, org: string, item: string | null, role: string) =>
		add('consultations', {
			id,
			paper_id,
			organization_id: org,
			agenda_item_id: item,
			meeting_id: item && (org === ids.orgA ? ids.meetingA : ids.meetingB),
			role
		});
	const { orgA, orgB } = ids;
	await consult(ids.consultationPublic, ids.paperPublic, orgA, ids.itemPublic, 'beschliessend');
	await consult(ids.consultationSecretA, ids.paperSecretA, orgA, ids.itemSecretA, 'beschliessend');
	await consult(ids.consultationSecretB, ids.paperSecretB, orgB, ids.itemSecretB, 'beschliessend');
	await consult(ids.consultationDraft, ids.paperDraft, orgA, null, 'vorberatend');
	// A public paper discussed in a non-public item: the consultation would reveal the item.
	await consult(
		ids.consultationPublicInSecretItem,
		ids.paperPublic2,
		orgA,
		ids.itemSecretA,
		'zur_kenntnis'
	);
}

async function createProjects(add: Add, ids: FixtureIds, s: string) {
	const published = iso(-1);
	const project = (id: string, slug: string, title: string, extra = {}) =>
		add('projects', {
			id,
			slug: `rls-${slug}-${s}`,
			title,
			kind: 'traffic',
			status: 'participation',
			geometry: { type: 'Point', coordinates: [6.78, 51.22] },
			min_lng: 6.78,
			min_lat: 51.22,
			max_lng: 6.78,
			max_lat: 51.22,
			moderation_mode: 'post',
			published_at: published,
			...extra
		});
	await project(ids.projectPost, 'post', `Radweg ${s}`);
	await project(ids.projectPre, 'pre', `Platzgestaltung ${s}`, { moderation_mode: 'pre' });
	await project(ids.projectClosed, 'closed', `Brücke ${s}`, { status: 'approved' });
	await project(ids.projectDraft, 'draft', `Projekt ${CANARY} ${s}`, { published_at: null });

	const phase = (
		id: string,
		project_id: string,
		name: string,
		from: number | null,
		to: number | null,
		participation = true
	) =>
		add('project_phases', {
			id,
			project_id,
			name,
			starts_on: from === null ? null : dateOnly(from),
			ends_on: to === null ? null : dateOnly(to),
			participation
		});
	await phase(ids.phasePostPast, ids.projectPost, 'Planung', -60, -6, false);
	await phase(ids.phasePostOpen, ids.projectPost, 'Beteiligung', -5, 30);
	await phase(ids.phasePreOpen, ids.projectPre, 'Beteiligung', -5, null);
	await phase(ids.phaseClosed, ids.projectClosed, 'Beteiligung', -60, -1);
	await phase(ids.phaseDraftOpen, ids.projectDraft, `Phase ${CANARY}`, null, null);

	await add('project_papers', { project_id: ids.projectPost, paper_id: ids.paperPublic });
	await add('project_papers', { project_id: ids.projectPost, paper_id: ids.paperSecretA });
	await add('project_papers', { project_id: ids.projectDraft, paper_id: ids.paperPublic });
	await add('project_meetings', { project_id: ids.projectPost, meeting_id: ids.meetingA });
	await add('project_meetings', { project_id: ids.projectPost, meeting_id: ids.meetingDraft });
	await add('project_meetings', { project_id: ids.projectDraft, meeting_id: ids.meetingA });
}

async function createUsers(service: Client, s: string): Promise<Record<UserRole, TestUser>> {
	const entries = await Promise.all(
		(Object.keys(appRoleOf) as UserRole[]).map(async (label) => {
			const email = `rls-${label}-${s}@example.com`;
			const password = randomBytes(12).toString('base64url');
			const { data, error } = await service.auth.admin.createUser({
				email,
				password,
				email_confirm: true,
				app_metadata: { role: appRoleOf[label] },
				user_metadata: { display_name: `${label} ${s}` }
			});
			if (error || !data.user) throw new Error(`creating user ${email} failed: ${error?.message}`);
			return [label, { id: data.user.id, email, password }] as const;
		})
	);
	return Object.fromEntries(entries) as Record<UserRole, TestUser>;
}

/** Runs one statement with a user's claims on a connection of its own (claims never leak to the pool). */
async function asUser<T extends pg.QueryResultRow>(
	userId: string,
	sql: string,
	params: unknown[] = []
): Promise<T[]> {
	const client = new pg.Client({ connectionString: inject('dbUrl') });
	await client.connect();
	try {
		await client.query('begin');
		await client.query(`select set_config('request.jwt.claims', $1, true)`, [
			JSON.stringify({ sub: userId, role: 'authenticated' })
		]);
		const { rows } = await client.query<T>(sql, params);
		await client.query('commit');
		return rows;
	} finally {
		await client.end();
	}
}

async function createComments(
	add: Add,
	db: pg.Pool,
	ids: FixtureIds,
	users: Record<UserRole, TestUser>,
	s: string
) {
	const comment = (id: string, project_id: string, body: string, state?: string) =>
		add('comments', {
			id,
			project_id,
			author_id: users.citizen.id,
			body,
			...(state ? { state } : {})
		});
	const { projectPost, projectPre, projectDraft } = ids;
	await comment(ids.commentPublished, projectPost, `Gute Idee, mehr Radwege! ${s}`, 'published');
	// Default state on a pre-moderated project: the trigger keeps it pending.
	await comment(ids.commentPending, projectPre, `Wartet auf Freigabe ${CANARY} ${s}`);
	await comment(ids.commentHidden, projectPost, `Ausgeblendet ${CANARY} ${s}`, 'hidden');
	await comment(ids.commentRemovedByAuthor, projectPost, `Zurückgezogen ${CANARY} ${s}`);
	await comment(ids.commentRemovedByModerator, projectPost, `Entfernt ${CANARY} ${s}`);
	await comment(ids.commentOnDraft, projectDraft, `Zu Entwurf ${CANARY} ${s}`, 'published');

	// Removals go through guard_comment_update, which moves the text to comment_removals.
	const remove = (who: string, id: string, state: string) =>
		asUser(who, 'update public.comments set state = $2 where id = $1', [id, state]);
	await remove(users.citizen.id, ids.commentRemovedByAuthor, 'removed_by_author');
	await remove(users.moderator.id, ids.commentRemovedByModerator, 'removed_by_moderator');

	const { rows } = await db.query<{ n: number }>(
		`select count(*)::int as n from public.comments
		 where (id = $1 and state = 'pending') or (id = $2 and state = 'published')
			or (id = $3 and state = 'removed_by_author' and body = '')
			or (id = $4 and state = 'removed_by_moderator' and body = '')`,
		[
			ids.commentPending,
			ids.commentPublished,
			ids.commentRemovedByAuthor,
			ids.commentRemovedByModerator
		]
	);
	if (rows[0].n !== 4) throw new Error('comment fixtures did not reach their states');
}

async function createConsents(add: Add, users: Record<UserRole, TestUser>) {
	const version = `${CANARY}-v1`;
	await add('consents', { user_id: users.citizen.id, kind: 'terms', version });
	await add('consents', { user_id: users.member.id, kind: 'privacy', version });
}

export async function createWorld(): Promise<World> {
	const suffix = randomBytes(4).toString('hex');
	const ids = newIds();
	const db = superuser();
	db.on('error', () => undefined);
	const service = serviceClient();
	const files = fileRows(suffix);
	const track: Tracked = {
		bodies: [ids.body, ids.bodyDraft],
		files: Object.values(files).map((f) => f.id),
		projects: [ids.projectPost, ids.projectPre, ids.projectClosed, ids.projectDraft],
		locations: [ids.location],
		users: [],
		objects: []
	};

	const world: World = {
		suffix,
		ids,
		files,
		users: {} as Record<UserRole, TestUser>,
		db,
		service,
		clients: {} as Record<Role, Client>,
		track,
		async upload(path, bytes) {
			const { error } = await service.storage
				.from('files')
				.upload(path, bytes, { contentType: 'application/pdf', upsert: true });
			if (error) throw new Error(`upload of ${path} failed: ${error.message}`);
			track.objects.push(path);
		},
		asUser,
		cleanup: () => cleanup(world)
	};

	try {
		const add: Add = (table, row) => insertRow(db, table, row);
		await createCouncil(add, ids, suffix);
		await createDocuments(add, ids, files, suffix);
		await createProjects(add, ids, suffix);
		world.users = await createUsers(service, suffix);
		track.users.push(...Object.values(world.users).map((u) => u.id));
		// The member link is the admin's to set: here the service role does it.
		const { error } = await service
			.from('profiles')
			.update({ person_id: ids.personA })
			.eq('id', world.users.member.id);
		if (error) throw new Error(`linking the member profile failed: ${error.message}`);
		await createConsents(add, world.users);
		await createComments(add, db, ids, world.users, suffix);
		const signedIn = await Promise.all(
			(Object.keys(appRoleOf) as UserRole[]).map(
				async (r) =>
					[r, await signedInClient(world.users[r].email, world.users[r].password)] as const
			)
		);
		world.clients = { anon: anonClient(), ...Object.fromEntries(signedIn) } as Record<Role, Client>;
	} catch (error) {
		await cleanup(world).catch(() => undefined);
		throw error;
	}
	return world;
}

/**
 * Deletes everything the world created. Comments go first (they pin their authors' profiles), then
 * users (their profiles pin persons), then the council data through the body's cascades.
 */
async function cleanup(world: World) {
	const { db, service, track } = world;
	const errors: string[] = [];
	const attempt = async (what: string, work: () => Promise<unknown>) => {
		try {
			await work();
		} catch (error) {
			errors.push(`${what}: ${(error as Error).message}`);
		}
	};
	await attempt('comments', () =>
		db.query('delete from public.comments where project_id = any ($1) or author_id = any ($2)', [
			track.projects,
			track.users
		])
	);
	if (track.objects.length) {
		await attempt('storage objects', async () => {
			const { error } = await service.storage.from('files').remove(track.objects);
			if (error) throw error;
		});
	}
	for (const id of new Set(track.users)) {
		await attempt(`user ${id}`, async () => {
			const { error } = await service.auth.admin.deleteUser(id);
			// A test may have deleted the account itself already.
			if (error && error.status !== 404) throw error;
		});
	}
	await attempt('projects', () =>
		db.query('delete from public.projects where id = any ($1)', [track.projects])
	);
	await attempt('bodies', () =>
		db.query('delete from public.bodies where id = any ($1)', [track.bodies])
	);
	await attempt('files', () =>
		db.query('delete from public.files where id = any ($1)', [track.files])
	);
	await attempt('locations', () =>
		db.query('delete from public.locations where id = any ($1)', [track.locations])
	);
	await db.end();
	if (errors.length) throw new Error(`fixture cleanup incomplete:\n${errors.join('\n')}`);
}
