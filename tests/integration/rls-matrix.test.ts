// The RLS matrix: every role × every table of schema public × select, insert, update, delete,
// through PostgREST with real JWTs (password sign-in), against a fixture world of our own. Each
// table has one expectation entry below; a table without one fails the completeness test. Writes
// are checked with the service client: "allowed" means the row really changed, "denied" means it
// did not (the request was rejected with 42501 or touched no row).
//
// After the matrix come the rules that one cell cannot express: comment states and moderation,
// profile roles, sign-up, storage downloads, and a canary scan of everything anon can read.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, signedInClient } from '../support/clients.ts';
import {
	CANARY,
	createWorld,
	insertRow,
	roles,
	type Role,
	type World
} from '../support/fixtures.ts';

type Key = Record<string, string | number>;
type Row = Record<string, unknown>;
type Outcome = 'allowed' | 'denied';

let w: World;
beforeAll(async () => {
	w = await createWorld();
	await createParticipationRows();
	await createSavedSearches();
}, 120_000);
afterAll(async () => {
	await w?.cleanup();
});

// Saved searches of the citizen and the member (removed with the world's users: on delete cascade).
const saved = { citizen: '', member: '' };
async function createSavedSearches() {
	for (const role of ['citizen', 'member'] as const) {
		saved[role] = randomUUID();
		await insertRow(w.db, 'saved_searches', {
			id: saved[role],
			user_id: w.users[role].id,
			name: `KANARIENVOGEL-NICHTOEFFENTLICH ${w.suffix}`,
			query: 'q=Radweg'
		});
	}
}

/** The role's client without the generated types, so one loop can address every table. */
const api = (role: Role) => w.clients[role] as unknown as SupabaseClient;
const service = () => w.service as unknown as SupabaseClient;
const userId = (role: Role) => (role === 'anon' ? null : w.users[role].id);

// ── audiences ────────────────────────────────────────────────────────────────────────────────────
const staff: Role[] = ['editor', 'admin'];
const signedIn: Role[] = roles.filter((r) => r !== 'anon');
const nobody: Role[] = [];

/** Council data: public rows for all, committee A's non-public rows for its member, all for staff. */
function council(v: {
	everyone: string[];
	memberOfA?: string[];
	staffOnly?: string[];
}): Record<Role, string[]> {
	const member = [...v.everyone, ...(v.memberOfA ?? [])];
	const all = [...member, ...(v.staffOnly ?? [])];
	return {
		anon: v.everyone,
		citizen: v.everyone,
		member,
		moderator: v.everyone,
		editor: all,
		admin: all
	};
}

// ── scratch rows: new, published and public, inside the world so cleanup() removes them ─────────
const recently = () => new Date(Date.now() - 3_600_000).toISOString();
const tag = () => `${w.suffix}-${randomUUID().slice(0, 8)}`;

// Supports, reports and moderator notes of the participation migration.
const participation = { supportMember: '', reportMember: '', noteModerator: '' };
async function createParticipationRows() {
	await insertRow(w.db, 'comment_supports', {
		comment_id: w.ids.commentHidden,
		user_id: w.users.member.id
	});
	participation.supportMember = w.ids.commentHidden;
	participation.reportMember = randomUUID();
	await insertRow(w.db, 'comment_reports', {
		id: participation.reportMember,
		comment_id: w.ids.commentHidden,
		reporter_id: w.users.member.id,
		reason: 'other',
		note: `Meldung ${CANARY} ${w.suffix}`
	});
	participation.noteModerator = randomUUID();
	await insertRow(w.db, 'moderation_notes', {
		id: participation.noteModerator,
		comment_id: w.ids.commentPublished,
		author_id: w.users.moderator.id,
		body: `Notiz ${CANARY} ${w.suffix}`
	});
}

/** A fresh published comment (by the admin, so it counts against nobody's rate limit), so reports in
 * the matrix never hide world comments. */
async function scratchComment(): Promise<string> {
	const id = randomUUID();
	await insertRow(w.db, 'comments', {
		id,
		project_id: w.ids.projectPost,
		author_id: w.users.admin.id,
		body: `Zum Melden ${tag()}`,
		state: 'published'
	});
	return id;
}

type CouncilTable =
	| 'bodies'
	| 'legislative_terms'
	| 'organizations'
	| 'persons'
	| 'memberships'
	| 'locations'
	| 'meetings'
	| 'meeting_organizations'
	| 'agenda_items'
	| 'papers'
	| 'paper_relations'
	| 'consultations'
	| 'files'
	| 'file_pages'
	| 'file_attachments'
	| 'projects'
	| 'project_phases'
	| 'project_papers'
	| 'project_meetings';

const build: Record<CouncilTable, () => Row | Promise<Row>> = {
	bodies: () => {
		const id = randomUUID();
		w.track.bodies.push(id);
		return { id, name: `Körperschaft ${tag()}`, published_at: recently() };
	},
	legislative_terms: () => ({
		id: randomUUID(),
		body_id: w.ids.body,
		name: `Wahlperiode ${tag()}`,
		start_date: '2025-11-01'
	}),
	organizations: () => ({
		id: randomUUID(),
		body_id: w.ids.body,
		name: `Gremium ${tag()}`,
		organization_type: 'committee',
		published_at: recently()
	}),
	persons: () => ({
		id: randomUUID(),
		body_id: w.ids.body,
		name: `Person ${tag()}`,
		published_at: recently()
	}),
	memberships: () => ({
		id: randomUUID(),
		person_id: w.ids.personB,
		organization_id: w.ids.orgA,
		start_date: '2024-01-01'
	}),
	locations: () => {
		const id = randomUUID();
		w.track.locations.push(id);
		return { id, description: `Ort ${tag()}` };
	},
	meetings: () => ({
		id: randomUUID(),
		body_id: w.ids.body,
		name: `Sitzung ${tag()}`,
		start_at: recently(),
		published_at: recently()
	}),
	meeting_organizations: async () => ({
		meeting_id: (await scratch('meetings')).id,
		organization_id: w.ids.orgA
	}),
	agenda_items: () => ({
		id: randomUUID(),
		meeting_id: w.ids.meetingA,
		order: randomInt(1000, 1_000_000_000),
		name: `Tagesordnungspunkt ${tag()}`,
		published_at: recently()
	}),
	papers: () => ({
		id: randomUUID(),
		body_id: w.ids.body,
		reference: `NEU/${tag()}`,
		name: `Mitteilung ${tag()}`,
		paper_type: 'Mitteilung',
		published_at: recently()
	}),
	paper_relations: async () => ({
		paper_id: (await scratch('papers')).id,
		related_paper_id: w.ids.paperPublic
	}),
	consultations: () => ({
		id: randomUUID(),
		paper_id: w.ids.paperPublic,
		organization_id: w.ids.orgB,
		role: 'zur_kenntnis'
	}),
	files: () => {
		const id = randomUUID();
		w.track.files.push(id);
		return {
			id,
			name: `Datei ${tag()}`,
			file_name: 'neu.pdf',
			storage_path: `rls-test/${w.suffix}/${id}.pdf`,
			published_at: recently()
		};
	},
	file_pages: () => ({
		file_id: w.files.public.id,
		page_number: randomInt(2, 1_000_000_000),
		content: `Seite ${tag()}`
	}),
	file_attachments: async () => ({
		file_id: (await scratch('files')).id,
		paper_id: w.ids.paperPublic
	}),
	projects: () => {
		const id = randomUUID();
		w.track.projects.push(id);
		return {
			id,
			slug: `neu-${w.suffix}-${id.slice(0, 8)}`,
			title: `Projekt ${tag()}`,
			kind: 'building',
			geometry: { type: 'Point', coordinates: [6.8, 51.2] },
			min_lng: 6.8,
			min_lat: 51.2,
			max_lng: 6.8,
			max_lat: 51.2,
			published_at: recently()
		};
	},
	project_phases: () => ({
		id: randomUUID(),
		project_id: w.ids.projectPost,
		name: `Phase ${tag()}`,
		position: 9
	}),
	project_papers: async () => ({
		project_id: w.ids.projectPre,
		paper_id: (await scratch('papers')).id
	}),
	project_meetings: async () => ({
		project_id: w.ids.projectPre,
		meeting_id: (await scratch('meetings')).id
	})
};

async function scratch(table: CouncilTable): Promise<Row> {
	const row = await build[table]();
	await insertRow(w.db, table, row);
	return row;
}

// ── the expectation table ────────────────────────────────────────────────────────────────────────
interface TableSpec {
	/** Columns that identify a row; the first one scopes every select to this world's rows. */
	key: string[];
	/** The world's rows of this table, by label. */
	rows(): Record<string, Key>;
	/** Labels each role must see, exactly. */
	visible: Record<Role, string[]>;
	insert: { allowed: Role[]; row(role: Role): Row | Promise<Row> };
	update: { allowed: Role[]; target(): Key; set(role: Role): Row };
	delete: { allowed: Role[]; target(): Key | Promise<Key> };
}

/** A table that staff write and everyone else only reads. */
function staffWritten(
	table: CouncilTable,
	spec: Pick<TableSpec, 'key' | 'rows' | 'visible'> & {
		update: Pick<TableSpec['update'], 'target' | 'set'>;
	}
): TableSpec {
	return {
		...spec,
		insert: { allowed: staff, row: () => build[table]() },
		update: { allowed: staff, ...spec.update },
		delete: { allowed: staff, target: async () => pick(await scratch(table), spec.key) }
	};
}

const marker = (role: Role) => `${role} ${w.suffix}`;

const tables: Record<string, TableSpec> = {
	bodies: staffWritten('bodies', {
		key: ['id'],
		rows: () => ({ body: { id: w.ids.body }, bodyDraft: { id: w.ids.bodyDraft } }),
		visible: council({ everyone: ['body'], staffOnly: ['bodyDraft'] }),
		update: { target: () => ({ id: w.ids.body }), set: (r) => ({ name: marker(r) }) }
	}),
	legislative_terms: staffWritten('legislative_terms', {
		key: ['id'],
		rows: () => ({ term: { id: w.ids.term }, termOfDraftBody: { id: w.ids.termDraft } }),
		visible: council({ everyone: ['term'], staffOnly: ['termOfDraftBody'] }),
		update: { target: () => ({ id: w.ids.term }), set: (r) => ({ name: marker(r) }) }
	}),
	organizations: staffWritten('organizations', {
		key: ['id'],
		rows: () => ({ A: { id: w.ids.orgA }, B: { id: w.ids.orgB }, draft: { id: w.ids.orgDraft } }),
		visible: council({ everyone: ['A', 'B'], staffOnly: ['draft'] }),
		update: { target: () => ({ id: w.ids.orgA }), set: (r) => ({ short_name: marker(r) }) }
	}),
	persons: staffWritten('persons', {
		key: ['id'],
		rows: () => ({
			A: { id: w.ids.personA },
			B: { id: w.ids.personB },
			draft: { id: w.ids.personDraft }
		}),
		visible: council({ everyone: ['A', 'B'], staffOnly: ['draft'] }),
		update: { target: () => ({ id: w.ids.personA }), set: (r) => ({ title: marker(r) }) }
	}),
	memberships: staffWritten('memberships', {
		key: ['id'],
		rows: () => ({
			A: { id: w.ids.membershipA },
			B: { id: w.ids.membershipB },
			ofDraftPerson: { id: w.ids.membershipDraft }
		}),
		visible: council({ everyone: ['A', 'B'], staffOnly: ['ofDraftPerson'] }),
		update: { target: () => ({ id: w.ids.membershipA }), set: (r) => ({ role: marker(r) }) }
	}),
	locations: staffWritten('locations', {
		key: ['id'],
		rows: () => ({ townHall: { id: w.ids.location } }),
		visible: council({ everyone: ['townHall'] }),
		update: { target: () => ({ id: w.ids.location }), set: (r) => ({ room: marker(r) }) }
	}),
	meetings: staffWritten('meetings', {
		key: ['id'],
		rows: () => ({
			A: { id: w.ids.meetingA },
			B: { id: w.ids.meetingB },
			draft: { id: w.ids.meetingDraft },
			scheduled: { id: w.ids.meetingFuture }
		}),
		visible: council({ everyone: ['A', 'B'], staffOnly: ['draft', 'scheduled'] }),
		update: { target: () => ({ id: w.ids.meetingA }), set: (r) => ({ name: marker(r) }) }
	}),
	meeting_organizations: staffWritten('meeting_organizations', {
		key: ['meeting_id', 'organization_id'],
		rows: () => ({
			'A-A': { meeting_id: w.ids.meetingA, organization_id: w.ids.orgA },
			'B-B': { meeting_id: w.ids.meetingB, organization_id: w.ids.orgB },
			'draft-A': { meeting_id: w.ids.meetingDraft, organization_id: w.ids.orgA },
			'scheduled-A': { meeting_id: w.ids.meetingFuture, organization_id: w.ids.orgA }
		}),
		visible: council({ everyone: ['A-A', 'B-B'], staffOnly: ['draft-A', 'scheduled-A'] }),
		update: {
			target: () => ({ meeting_id: w.ids.meetingB, organization_id: w.ids.orgB }),
			set: () => ({ organization_id: w.ids.orgDraft })
		}
	}),
	agenda_items: staffWritten('agenda_items', {
		key: ['id'],
		rows: () => ({
			public: { id: w.ids.itemPublic },
			secretA: { id: w.ids.itemSecretA },
			draft: { id: w.ids.itemDraft },
			secretB: { id: w.ids.itemSecretB },
			inDraftMeeting: { id: w.ids.itemInDraftMeeting }
		}),
		visible: council({
			everyone: ['public'],
			memberOfA: ['secretA'],
			staffOnly: ['draft', 'secretB', 'inDraftMeeting']
		}),
		update: { target: () => ({ id: w.ids.itemPublic }), set: (r) => ({ result: marker(r) }) }
	}),
	papers: staffWritten('papers', {
		key: ['id'],
		rows: () => ({
			public: { id: w.ids.paperPublic },
			public2: { id: w.ids.paperPublic2 },
			secretA: { id: w.ids.paperSecretA },
			secretB: { id: w.ids.paperSecretB },
			draft: { id: w.ids.paperDraft }
		}),
		visible: council({
			everyone: ['public', 'public2'],
			memberOfA: ['secretA'],
			staffOnly: ['secretB', 'draft']
		}),
		update: { target: () => ({ id: w.ids.paperPublic }), set: (r) => ({ name: marker(r) }) }
	}),
	paper_relations: staffWritten('paper_relations', {
		key: ['paper_id', 'related_paper_id'],
		rows: () => ({
			public2: { paper_id: w.ids.paperPublic2, related_paper_id: w.ids.paperPublic },
			secretA: { paper_id: w.ids.paperSecretA, related_paper_id: w.ids.paperPublic },
			secretB: { paper_id: w.ids.paperSecretB, related_paper_id: w.ids.paperPublic },
			draft: { paper_id: w.ids.paperDraft, related_paper_id: w.ids.paperPublic }
		}),
		visible: council({
			everyone: ['public2'],
			memberOfA: ['secretA'],
			staffOnly: ['secretB', 'draft']
		}),
		update: {
			target: () => ({ paper_id: w.ids.paperPublic2, related_paper_id: w.ids.paperPublic }),
			set: () => ({ relation: 'amendment' })
		}
	}),
	consultations: staffWritten('consultations', {
		key: ['id'],
		rows: () => ({
			public: { id: w.ids.consultationPublic },
			secretA: { id: w.ids.consultationSecretA },
			secretB: { id: w.ids.consultationSecretB },
			draftPaper: { id: w.ids.consultationDraft },
			publicPaperInSecretItem: { id: w.ids.consultationPublicInSecretItem }
		}),
		visible: council({
			everyone: ['public'],
			memberOfA: ['secretA', 'publicPaperInSecretItem'],
			staffOnly: ['secretB', 'draftPaper']
		}),
		update: { target: () => ({ id: w.ids.consultationPublic }), set: () => ({ position: 5 }) }
	}),
	files: staffWritten('files', {
		key: ['id'],
		rows: () => ({
			public: { id: w.files.public.id },
			secretA: { id: w.files.secretA.id },
			secretB: { id: w.files.secretB.id },
			draft: { id: w.files.draft.id }
		}),
		visible: council({
			everyone: ['public'],
			memberOfA: ['secretA'],
			staffOnly: ['secretB', 'draft']
		}),
		update: { target: () => ({ id: w.files.public.id }), set: (r) => ({ name: marker(r) }) }
	}),
	file_pages: staffWritten('file_pages', {
		key: ['file_id', 'page_number'],
		rows: () => ({
			public: { file_id: w.files.public.id, page_number: 1 },
			secretA: { file_id: w.files.secretA.id, page_number: 1 },
			secretB: { file_id: w.files.secretB.id, page_number: 1 },
			draft: { file_id: w.files.draft.id, page_number: 1 }
		}),
		visible: council({
			everyone: ['public'],
			memberOfA: ['secretA'],
			staffOnly: ['secretB', 'draft']
		}),
		update: {
			target: () => ({ file_id: w.files.public.id, page_number: 1 }),
			set: (r) => ({ content: marker(r) })
		}
	}),
	file_attachments: staffWritten('file_attachments', {
		key: ['file_id'],
		rows: () => ({
			public: { file_id: w.files.public.id },
			secretA: { file_id: w.files.secretA.id },
			secretB: { file_id: w.files.secretB.id },
			draft: { file_id: w.files.draft.id }
		}),
		visible: council({
			everyone: ['public'],
			memberOfA: ['secretA'],
			staffOnly: ['secretB', 'draft']
		}),
		update: { target: () => ({ file_id: w.files.public.id }), set: () => ({ position: 5 }) }
	}),
	projects: staffWritten('projects', {
		key: ['id'],
		rows: () => ({
			post: { id: w.ids.projectPost },
			pre: { id: w.ids.projectPre },
			closed: { id: w.ids.projectClosed },
			draft: { id: w.ids.projectDraft }
		}),
		visible: council({ everyone: ['post', 'pre', 'closed'], staffOnly: ['draft'] }),
		update: { target: () => ({ id: w.ids.projectPost }), set: (r) => ({ summary: marker(r) }) }
	}),
	project_phases: staffWritten('project_phases', {
		key: ['id'],
		rows: () => ({
			postOpen: { id: w.ids.phasePostOpen },
			postPast: { id: w.ids.phasePostPast },
			preOpen: { id: w.ids.phasePreOpen },
			closed: { id: w.ids.phaseClosed },
			draft: { id: w.ids.phaseDraftOpen }
		}),
		visible: council({
			everyone: ['postOpen', 'postPast', 'preOpen', 'closed'],
			staffOnly: ['draft']
		}),
		update: { target: () => ({ id: w.ids.phasePostPast }), set: (r) => ({ name: marker(r) }) }
	}),
	project_papers: staffWritten('project_papers', {
		key: ['project_id', 'paper_id'],
		rows: () => ({
			'post-public': { project_id: w.ids.projectPost, paper_id: w.ids.paperPublic },
			'post-secretA': { project_id: w.ids.projectPost, paper_id: w.ids.paperSecretA },
			'draft-public': { project_id: w.ids.projectDraft, paper_id: w.ids.paperPublic }
		}),
		visible: council({
			everyone: ['post-public'],
			memberOfA: ['post-secretA'],
			staffOnly: ['draft-public']
		}),
		update: {
			target: () => ({ project_id: w.ids.projectPost, paper_id: w.ids.paperPublic }),
			set: () => ({ paper_id: w.ids.paperPublic2 })
		}
	}),
	project_meetings: staffWritten('project_meetings', {
		key: ['project_id', 'meeting_id'],
		rows: () => ({
			'post-A': { project_id: w.ids.projectPost, meeting_id: w.ids.meetingA },
			'post-draft': { project_id: w.ids.projectPost, meeting_id: w.ids.meetingDraft },
			'draft-A': { project_id: w.ids.projectDraft, meeting_id: w.ids.meetingA }
		}),
		visible: council({ everyone: ['post-A'], staffOnly: ['post-draft', 'draft-A'] }),
		update: {
			target: () => ({ project_id: w.ids.projectPost, meeting_id: w.ids.meetingA }),
			set: () => ({ meeting_id: w.ids.meetingB })
		}
	}),

	// A pseudonym is public once it signs a published comment (the citizen's has one); otherwise
	// only its owner and moderators see it. Profiles come from the sign-up trigger only.
	profiles: {
		key: ['id'],
		rows: () => ({
			citizen: { id: w.users.citizen.id },
			member: { id: w.users.member.id },
			moderator: { id: w.users.moderator.id },
			editor: { id: w.users.editor.id },
			admin: { id: w.users.admin.id }
		}),
		visible: {
			anon: ['citizen'],
			citizen: ['citizen'],
			member: ['citizen', 'member'],
			moderator: ['citizen', 'member', 'moderator', 'editor', 'admin'],
			editor: ['citizen', 'member', 'moderator', 'editor', 'admin'],
			admin: ['citizen', 'member', 'moderator', 'editor', 'admin']
		},
		insert: {
			allowed: nobody,
			row: (r) => ({ id: randomUUID(), display_name: marker(r) })
		},
		// The citizen's own profile: its owner and admins may change it.
		update: {
			allowed: ['citizen', 'admin'],
			target: () => ({ id: w.users.citizen.id }),
			set: (r) => ({ display_name: marker(r) })
		},
		delete: { allowed: nobody, target: () => ({ id: w.users.citizen.id }) }
	},
	consents: {
		key: ['user_id', 'kind', 'version'],
		rows: () => ({
			citizenTerms: { user_id: w.users.citizen.id, kind: 'terms', version: `${CANARY}-v1` },
			memberPrivacy: { user_id: w.users.member.id, kind: 'privacy', version: `${CANARY}-v1` }
		}),
		visible: {
			anon: [],
			citizen: ['citizenTerms'],
			member: ['memberPrivacy'],
			moderator: [],
			editor: [],
			admin: []
		},
		// Everyone signed in records their own consent; anon tries it for the citizen.
		insert: {
			allowed: signedIn,
			row: (r) => ({
				user_id: userId(r) ?? w.users.citizen.id,
				kind: 'participation',
				version: marker(r)
			})
		},
		update: {
			allowed: nobody,
			target: () => ({ user_id: w.users.citizen.id, kind: 'terms', version: `${CANARY}-v1` }),
			set: () => ({ given_at: '2020-01-01T00:00:00Z' })
		},
		delete: {
			allowed: nobody,
			target: () => ({ user_id: w.users.citizen.id, kind: 'terms', version: `${CANARY}-v1` })
		}
	},
	comments: {
		key: ['id'],
		rows: () => ({
			published: { id: w.ids.commentPublished },
			pending: { id: w.ids.commentPending },
			hidden: { id: w.ids.commentHidden },
			removedByAuthor: { id: w.ids.commentRemovedByAuthor },
			removedByModerator: { id: w.ids.commentRemovedByModerator },
			onDraftProject: { id: w.ids.commentOnDraft }
		}),
		visible: (() => {
			const all = [
				'published',
				'pending',
				'hidden',
				'removedByAuthor',
				'removedByModerator',
				'onDraftProject'
			];
			return {
				anon: ['published'],
				citizen: all, // the author sees their own in every state
				member: ['published'],
				moderator: all,
				editor: all,
				admin: all
			};
		})(),
		// Everyone signed in comments as themselves on the open post-moderated project.
		insert: {
			allowed: signedIn,
			row: (r) => ({
				id: randomUUID(),
				project_id: w.ids.projectPost,
				author_id: userId(r) ?? w.users.citizen.id,
				body: `Matrix ${marker(r)}`
			})
		},
		// The citizen's published comment: its author and moderators may edit it.
		update: {
			allowed: ['citizen', 'moderator', 'editor', 'admin'],
			target: () => ({ id: w.ids.commentPublished }),
			set: (r) => ({ body: `Bearbeitet ${marker(r)}` })
		},
		delete: { allowed: nobody, target: () => ({ id: w.ids.commentPublished }) }
	},
	comment_removals: {
		key: ['comment_id'],
		rows: () => ({
			byAuthor: { comment_id: w.ids.commentRemovedByAuthor },
			byModerator: { comment_id: w.ids.commentRemovedByModerator }
		}),
		visible: {
			anon: [],
			citizen: [], // not even the author reads the removed text back
			member: [],
			moderator: ['byAuthor', 'byModerator'],
			editor: ['byAuthor', 'byModerator'],
			admin: ['byAuthor', 'byModerator']
		},
		insert: {
			allowed: nobody,
			row: () => ({ comment_id: w.ids.commentPublished, body: `Gefälscht ${w.suffix}` })
		},
		update: {
			allowed: nobody,
			target: () => ({ comment_id: w.ids.commentRemovedByModerator }),
			set: (r) => ({ body: marker(r) })
		},
		delete: {
			allowed: nobody,
			target: () => ({ comment_id: w.ids.commentRemovedByModerator })
		}
	},
	// Supports: personal (who supported what), visible to their owner and moderators; one may not
	// support one's own comment (all world comments are the citizen's).
	// Saved searches are private: each signed-in user reads and changes only their own.
	saved_searches: {
		key: ['id'],
		rows: () => ({ citizenSearch: { id: saved.citizen }, memberSearch: { id: saved.member } }),
		visible: {
			anon: [],
			citizen: ['citizenSearch'],
			member: ['memberSearch'],
			moderator: [],
			editor: [],
			admin: []
		},
		insert: {
			allowed: signedIn,
			row: (r) => ({
				id: randomUUID(),
				user_id: userId(r) ?? w.users.citizen.id,
				name: tag(),
				query: 'q=x'
			})
		},
		update: {
			allowed: ['citizen'],
			target: () => ({ id: saved.citizen }),
			set: () => ({ name: tag() })
		},
		delete: {
			allowed: ['citizen'],
			target: async () => {
				const id = randomUUID();
				await insertRow(w.db, 'saved_searches', {
					id,
					user_id: w.users.citizen.id,
					name: `scratch ${w.suffix}`,
					query: 'q=x'
				});
				return { id };
			}
		}
	},
	comment_supports: {
		key: ['comment_id', 'user_id'],
		rows: () => ({
			member: { comment_id: participation.supportMember, user_id: w.users.member.id }
		}),
		visible: {
			anon: [],
			citizen: [],
			member: ['member'],
			moderator: ['member'],
			editor: ['member'],
			admin: ['member']
		},
		insert: {
			allowed: ['member', 'moderator', 'editor', 'admin'],
			row: (r) => ({ comment_id: w.ids.commentPublished, user_id: userId(r) ?? w.users.member.id })
		},
		update: {
			allowed: nobody,
			target: () => ({ comment_id: participation.supportMember, user_id: w.users.member.id }),
			set: () => ({ created_at: '2020-01-01T00:00:00+00:00' })
		},
		delete: {
			allowed: ['member'],
			target: async () => {
				await w.db.query(
					`insert into public.comment_supports (comment_id, user_id) values ($1, $2)
					 on conflict do nothing`,
					[w.ids.commentPending, w.users.member.id]
				);
				return { comment_id: w.ids.commentPending, user_id: w.users.member.id };
			}
		}
	},
	comment_reports: {
		key: ['id'],
		rows: () => ({ member: { id: participation.reportMember } }),
		visible: {
			anon: [],
			citizen: [],
			member: ['member'],
			moderator: ['member'],
			editor: ['member'],
			admin: ['member']
		},
		insert: {
			allowed: signedIn,
			row: async (r) => ({
				id: randomUUID(),
				comment_id: await scratchComment(),
				reporter_id: userId(r) ?? w.users.citizen.id,
				reason: 'spam'
			})
		},
		update: {
			allowed: ['moderator', 'editor', 'admin'],
			target: () => ({ id: participation.reportMember }),
			set: (r) => ({ note: marker(r) })
		},
		delete: { allowed: nobody, target: () => ({ id: participation.reportMember }) }
	},
	moderation_notes: {
		key: ['id'],
		rows: () => ({ moderator: { id: participation.noteModerator } }),
		visible: {
			anon: [],
			citizen: [],
			member: [],
			moderator: ['moderator'],
			editor: ['moderator'],
			admin: ['moderator']
		},
		insert: {
			allowed: ['moderator', 'editor', 'admin'],
			row: (r) => ({
				id: randomUUID(),
				comment_id: w.ids.commentPublished,
				author_id: userId(r) ?? w.users.moderator.id,
				body: `Notiz ${marker(r)}`
			})
		},
		update: {
			allowed: nobody,
			target: () => ({ id: participation.noteModerator }),
			set: (r) => ({ body: marker(r) })
		},
		delete: { allowed: nobody, target: () => ({ id: participation.noteModerator }) }
	}
};

// ── running one cell ─────────────────────────────────────────────────────────────────────────────
function pick(row: Row, columns: string[]): Key {
	return Object.fromEntries(columns.map((c) => [c, row[c] as string | number]));
}

const sameKey = (a: Row, b: Key) => Object.keys(b).every((c) => String(a[c]) === String(b[c]));

async function exists(table: string, key: Key): Promise<boolean> {
	const { data, error } = await service().from(table).select('*').match(key);
	if (error) throw new Error(`service read of ${table} failed: ${error.message}`);
	return data.length === 1;
}

function where(key: Key, offset = 0): { sql: string; values: unknown[] } {
	const columns = Object.keys(key);
	return {
		sql: columns.map((c, i) => `"${c}" = $${i + 1 + offset}`).join(' and '),
		values: columns.map((c) => key[c])
	};
}

async function visibleLabels(table: string, spec: TableSpec, role: Role): Promise<string[]> {
	const rows = spec.rows();
	const scope = spec.key[0];
	const values = [...new Set(Object.values(rows).map((k) => k[scope]))];
	const { data, error } = await api(role).from(table).select(spec.key.join(',')).in(scope, values);
	if (error) return [`error ${error.code}: ${error.message}`];
	return (data as unknown as Row[])
		.map((r) => Object.entries(rows).find(([, key]) => sameKey(r, key))?.[0] ?? JSON.stringify(r))
		.sort();
}

function judge(changed: boolean, error: { code: string; message: string } | null): string {
	if (changed && !error) return 'allowed';
	if (!changed && (!error || error.code === '42501')) return 'denied';
	return `unexpected: ${error ? `${error.code} ${error.message}` : 'no error'}, ${changed ? '' : 'not '}changed`;
}

async function tryInsert(table: string, spec: TableSpec, role: Role): Promise<string> {
	const row = await spec.insert.row(role);
	const { error } = await api(role).from(table).insert(row);
	const stored = await exists(table, pick(row, spec.key));
	// A refused insert must be refused by RLS (42501), not by some constraint.
	if (!stored && !error) return 'unexpected: no error, not stored';
	if (!stored && error?.code !== '42501') return `unexpected: ${error?.code} ${error?.message}`;
	return judge(stored, error);
}

async function tryUpdate(table: string, spec: TableSpec, role: Role): Promise<string> {
	const target = spec.update.target();
	const set = spec.update.set(role);
	const columns = Object.keys(set);
	const t = where(target);
	const before = await w.db.query(
		`select ${columns.map((c) => `"${c}"`).join(', ')} from public.${table} where ${t.sql}`,
		t.values
	);
	if (before.rowCount !== 1) throw new Error(`update target of ${table} is missing`);
	const { error } = await api(role).from(table).update(set).match(target);
	const after = { ...target, ...set } as Key;
	const changed = await exists(table, after);
	if (changed) {
		// Put the world back for the next role.
		const a = where(after, columns.length);
		await w.db.query(
			`update public.${table} set ${columns.map((c, i) => `"${c}" = $${i + 1}`).join(', ')} where ${a.sql}`,
			[...columns.map((c) => before.rows[0][c]), ...a.values]
		);
	}
	return judge(changed, error);
}

async function tryDelete(table: string, spec: TableSpec, role: Role, target: Key): Promise<string> {
	const { error } = await api(role).from(table).delete().match(target);
	return judge(!(await exists(table, target)), error);
}

const expectedOutcomes = (allowed: Role[]) =>
	Object.fromEntries(roles.map((r) => [r, allowed.includes(r) ? 'allowed' : 'denied'])) as Record<
		Role,
		Outcome
	>;

// ── the matrix ───────────────────────────────────────────────────────────────────────────────────
describe('RLS matrix', () => {
	it('has an entry for every table in schema public, and RLS is on for each', async () => {
		const { rows } = await w.db.query<{ tablename: string; rls: boolean }>(`
			select t.tablename, c.relrowsecurity as rls from pg_tables t
			join pg_class c on c.relname = t.tablename
			join pg_namespace n on n.oid = c.relnamespace and n.nspname = t.schemaname
			where t.schemaname = 'public' order by t.tablename`);
		expect(rows.map((r) => r.tablename)).toEqual(Object.keys(tables).sort());
		expect(rows.filter((r) => !r.rls).map((r) => r.tablename)).toEqual([]);
	});

	// Selects first: the write cells below add rows to the world.
	describe.each(Object.entries(tables))('%s', (table, spec) => {
		it('select: each role sees exactly its rows', async () => {
			const actual = Object.fromEntries(
				await Promise.all(roles.map(async (r) => [r, await visibleLabels(table, spec, r)]))
			);
			const expected = Object.fromEntries(roles.map((r) => [r, [...spec.visible[r]].sort()]));
			expect(actual).toEqual(expected);
		});
	});

	describe.each(Object.entries(tables))('%s', (table, spec) => {
		it(`insert: allowed for ${spec.insert.allowed.join(', ') || 'nobody'}`, async () => {
			const actual: Record<string, string> = {};
			for (const r of roles) actual[r] = await tryInsert(table, spec, r);
			expect(actual).toEqual(expectedOutcomes(spec.insert.allowed));
		});

		it(`update: allowed for ${spec.update.allowed.join(', ') || 'nobody'}`, async () => {
			const actual: Record<string, string> = {};
			for (const r of roles) actual[r] = await tryUpdate(table, spec, r);
			expect(actual).toEqual(expectedOutcomes(spec.update.allowed));
		});

		it(`delete: allowed for ${spec.delete.allowed.join(', ') || 'nobody'}`, async () => {
			const actual: Record<string, string> = {};
			let target: Key | undefined;
			for (const r of roles) {
				target ??= await spec.delete.target();
				actual[r] = await tryDelete(table, spec, r, target);
				if (actual[r] === 'allowed') target = undefined;
			}
			expect(actual).toEqual(expectedOutcomes(spec.delete.allowed));
		});
	});
});

// ── rules beyond single cells ────────────────────────────────────────────────────────────────────
type Comment = { id: string; state: string; body: string; author_id: string | null };

async function storedComment(id: string): Promise<Comment | undefined> {
	const { rows } = await w.db.query<Comment>(
		'select id, state, body, author_id from public.comments where id = $1',
		[id]
	);
	return rows[0];
}

/** A fresh comment by `role` on `project`, through the API (so the insert policy applies). */
async function comment(role: Role, project: string, extra: Row = {}): Promise<Comment> {
	const { data, error } = await api(role)
		.from('comments')
		.insert({ project_id: project, author_id: userId(role), body: `Beitrag ${tag()}`, ...extra })
		.select('id, state, body, author_id')
		.single();
	if (error) throw new Error(`comment by ${role} failed: ${error.code} ${error.message}`);
	return data as Comment;
}

async function setComment(role: Role, id: string, change: Row) {
	return api(role).from('comments').update(change).eq('id', id).select('id, state, body');
}

describe('comments: what citizens may write', () => {
	it('publishes at once on a post-moderated project and waits on a pre-moderated one', async () => {
		expect((await comment('citizen', w.ids.projectPost)).state).toBe('published');
		expect((await comment('citizen', w.ids.projectPre)).state).toBe('pending');
	});

	const rejected: [string, () => Row, string][] = [
		[
			'state published on a pre-moderated project',
			() => ({ project_id: w.ids.projectPre, state: 'published' }),
			'42501'
		],
		['state hidden', () => ({ state: 'hidden' }), '42501'],
		['in the name of another user', () => ({ author_id: w.users.member.id }), '42501'],
		['without an author', () => ({ author_id: null }), '42501'],
		['as an official answer', () => ({ is_official: true }), '42501'],
		['on a draft project', () => ({ project_id: w.ids.projectDraft }), '42501'],
		['after the participation phase', () => ({ project_id: w.ids.projectClosed }), '42501'],
		[
			'as a reply to a pending comment',
			() => ({ project_id: w.ids.projectPre, parent_id: w.ids.commentPending }),
			'23514'
		]
	];
	it.each(rejected)('rejects a comment %s', async (_, change, code) => {
		const id = randomUUID();
		const { error } = await api('citizen')
			.from('comments')
			.insert({
				id,
				project_id: w.ids.projectPost,
				author_id: w.users.citizen.id,
				body: `Versuch ${tag()}`,
				...change()
			});
		expect(error?.code).toBe(code);
		expect(await storedComment(id)).toBeUndefined();
	});

	it('lets a citizen reply to a published comment', async () => {
		const reply = await comment('member', w.ids.projectPost, { parent_id: w.ids.commentPublished });
		expect(reply.state).toBe('published');
	});
});

describe('comments: what authors may change', () => {
	it('lets the author edit the text but not set a moderation state or the official flag', async () => {
		const c = await comment('citizen', w.ids.projectPost);
		const edit = await setComment('citizen', c.id, { body: `Korrigiert ${w.suffix}` });
		expect(edit.error).toBeNull();
		expect((await storedComment(c.id))?.body).toBe(`Korrigiert ${w.suffix}`);
		for (const change of [{ state: 'hidden' }, { state: 'pending' }, { is_official: true }]) {
			const { error } = await setComment('citizen', c.id, change);
			expect(error?.code, JSON.stringify(change)).toBe('42501');
		}
		expect((await storedComment(c.id))?.state).toBe('published');
	});

	it('does not let the author publish their own pending comment', async () => {
		const c = await comment('citizen', w.ids.projectPre);
		const { error } = await setComment('citizen', c.id, { state: 'published' });
		expect(error?.code).toBe('42501');
		expect((await storedComment(c.id))?.state).toBe('pending');
	});

	it("leaves another citizen's comment untouched", async () => {
		const c = await comment('citizen', w.ids.projectPost);
		for (const change of [{ body: `Fremd ${w.suffix}` }, { state: 'removed_by_author' }]) {
			const { data, error } = await setComment('member', c.id, change);
			expect(error).toBeNull();
			expect(data).toEqual([]);
		}
		expect(await storedComment(c.id)).toEqual(c);
	});

	it('freezes a hidden comment for its author', async () => {
		const { error } = await setComment('citizen', w.ids.commentHidden, { body: `Neu ${w.suffix}` });
		expect(error?.code).toBe('42501');
		expect((await storedComment(w.ids.commentHidden))?.body).toContain(CANARY);
	});

	it('moves the text of a withdrawn comment to comment_removals, readable by moderators only', async () => {
		const c = await comment('citizen', w.ids.projectPost);
		const { error } = await setComment('citizen', c.id, { state: 'removed_by_author' });
		expect(error).toBeNull();
		expect(await storedComment(c.id)).toMatchObject({ state: 'removed_by_author', body: '' });

		const removal = (role: Role) =>
			api(role).from('comment_removals').select('body, removed_by').eq('comment_id', c.id);
		expect((await removal('moderator')).data).toEqual([
			{ body: c.body, removed_by: w.users.citizen.id }
		]);
		expect((await removal('citizen')).data).toEqual([]);
		expect((await removal('anon')).data).toEqual([]);
		const seenByAnon = await api('anon').from('comments').select('id').eq('id', c.id);
		expect(seenByAnon.data).toEqual([]);

		// Withdrawn stays withdrawn, even for moderators.
		const restore = await setComment('moderator', c.id, { state: 'published' });
		expect(restore.error?.code).toBe('42501');
		expect((await storedComment(c.id))?.state).toBe('removed_by_author');
	});

	it('does not publish an edit of an approved comment on a pre-moderated project unreviewed', async () => {
		const c = await comment('citizen', w.ids.projectPre);
		expect((await setComment('moderator', c.id, { state: 'published' })).error).toBeNull();
		const sneaky = `Nach der Freigabe geändert ${w.suffix}`;
		await setComment('citizen', c.id, { body: sneaky });
		const { data } = await api('anon').from('comments').select('body').eq('id', c.id);
		expect(data?.map((d) => d.body)).not.toContain(sneaky);
	});
});

describe('comments: moderation', () => {
	const anonSees = async (id: string) =>
		(await api('anon').from('comments').select('body').eq('id', id)).data ?? [];

	it('hides and restores a comment', async () => {
		const c = await comment('citizen', w.ids.projectPost);
		expect(await anonSees(c.id)).toEqual([{ body: c.body }]);
		expect((await setComment('moderator', c.id, { state: 'hidden' })).error).toBeNull();
		expect(await anonSees(c.id)).toEqual([]);
		expect((await setComment('moderator', c.id, { state: 'published' })).error).toBeNull();
		expect(await anonSees(c.id)).toEqual([{ body: c.body }]);
	});

	it('removes a comment into comment_removals and restores its text', async () => {
		const c = await comment('citizen', w.ids.projectPost);
		expect(
			(await setComment('moderator', c.id, { state: 'removed_by_moderator' })).error
		).toBeNull();
		expect(await storedComment(c.id)).toMatchObject({ state: 'removed_by_moderator', body: '' });
		const { rows } = await w.db.query(
			'select body, removed_by from public.comment_removals where comment_id = $1',
			[c.id]
		);
		expect(rows).toEqual([{ body: c.body, removed_by: w.users.moderator.id }]);
		expect(await anonSees(c.id)).toEqual([]);

		expect((await setComment('moderator', c.id, { state: 'published' })).error).toBeNull();
		expect(await storedComment(c.id)).toMatchObject({ state: 'published', body: c.body });
		const after = await w.db.query('select 1 from public.comment_removals where comment_id = $1', [
			c.id
		]);
		expect(after.rowCount).toBe(0);
	});

	it('cannot withdraw a comment in its author’s name', async () => {
		const c = await comment('citizen', w.ids.projectPost);
		const { error } = await setComment('moderator', c.id, { state: 'removed_by_author' });
		expect(error?.code).toBe('42501');
		expect((await storedComment(c.id))?.state).toBe('published');
	});

	it('may post an official answer', async () => {
		const official = await comment('moderator', w.ids.projectPost, { is_official: true });
		expect(official.state).toBe('published');
	});

	it('keeps the comments of a deleted account, without author', async () => {
		const email = `rls-leaving-${w.suffix}@example.com`;
		const password = randomUUID();
		const { data, error } = await w.service.auth.admin.createUser({
			email,
			password,
			email_confirm: true
		});
		expect(error).toBeNull();
		w.track.users.push(data.user!.id);
		const leaving = await signedInClient(email, password);
		const { data: c } = await leaving
			.from('comments')
			.insert({
				project_id: w.ids.projectPost,
				author_id: data.user!.id,
				body: `Tschüss ${w.suffix}`
			})
			.select('id')
			.single();
		const deleted = await w.service.auth.admin.deleteUser(data.user!.id);
		expect(deleted.error).toBeNull();
		expect(await storedComment(c!.id)).toMatchObject({ author_id: null, state: 'published' });
	});
});

describe('profiles and sign-up', () => {
	const roleOf = async (id: string) =>
		(await w.db.query<{ role: string }>('select role from public.profiles where id = $1', [id]))
			.rows[0]?.role;

	it('lets a citizen rename themselves but not change their role or person link', async () => {
		const me = w.users.citizen.id;
		const rename = await api('citizen')
			.from('profiles')
			.update({ display_name: `Neu ${w.suffix}` })
			.eq('id', me)
			.select('display_name');
		expect(rename.error).toBeNull();
		expect(rename.data).toEqual([{ display_name: `Neu ${w.suffix}` }]);

		const promote = await api('citizen').from('profiles').update({ role: 'admin' }).eq('id', me);
		expect(promote.error?.code).toBe('42501');
		const link = await api('citizen')
			.from('profiles')
			.update({ person_id: w.ids.personB })
			.eq('id', me);
		expect(link.error?.code).toBe('42501');
		const { rows } = await w.db.query('select role, person_id from public.profiles where id = $1', [
			me
		]);
		expect(rows).toEqual([{ role: 'citizen', person_id: null }]);
	});

	it('lets an admin change roles, and nobody else', async () => {
		const target = w.users.member.id;
		for (const r of ['moderator', 'editor'] as const) {
			const { data } = await api(r)
				.from('profiles')
				.update({ role: 'editor' })
				.eq('id', target)
				.select('id');
			expect(data, r).toEqual([]);
		}
		expect(await roleOf(target)).toBe('citizen');
		const { error } = await api('admin')
			.from('profiles')
			.update({ role: 'moderator' })
			.eq('id', target);
		expect(error).toBeNull();
		expect(await roleOf(target)).toBe('moderator');
		await w.service.from('profiles').update({ role: 'citizen' }).eq('id', target);
	});

	it('ignores a role in sign-up data and in user metadata', async () => {
		const email = `rls-signup-${w.suffix}@example.com`;
		const { data, error } = await anonClient().auth.signUp({
			email,
			password: randomUUID(),
			options: { data: { role: 'admin', display_name: `Neuling ${w.suffix}` } }
		});
		expect(error).toBeNull();
		w.track.users.push(data.user!.id);
		expect(await roleOf(data.user!.id)).toBe('citizen');

		const updated = await w.clients.citizen.auth.updateUser({ data: { role: 'admin' } });
		expect(updated.error).toBeNull();
		expect(await roleOf(w.users.citizen.id)).toBe('citizen');
	});

	it('refuses the auth admin API to the anon key', async () => {
		const email = `rls-intruder-${w.suffix}@example.com`;
		const { data, error } = await anonClient().auth.admin.createUser({
			email,
			password: randomUUID(),
			email_confirm: true,
			app_metadata: { role: 'admin' }
		});
		expect(error).not.toBeNull();
		if (data.user) w.track.users.push(data.user.id);
		const { rowCount } = await w.db.query('select 1 from auth.users where email = $1', [email]);
		expect(rowCount).toBe(0);
	});

	it('lets an editor delete a person linked to a profile, clearing the link', async () => {
		const person = await scratch('persons');
		const { data } = await w.service.auth.admin.createUser({
			email: `rls-linked-${w.suffix}@example.com`,
			password: randomUUID(),
			email_confirm: true
		});
		w.track.users.push(data.user!.id);
		await w.service
			.from('profiles')
			.update({ person_id: person.id as string })
			.eq('id', data.user!.id);
		const { error } = await api('editor').from('persons').delete().eq('id', person.id);
		expect(error).toBeNull();
		const { rows } = await w.db.query('select person_id from public.profiles where id = $1', [
			data.user!.id
		]);
		expect(rows).toEqual([{ person_id: null }]);
	});
});

describe('membership', () => {
	it('only an active membership opens non-public papers', async () => {
		const secret = () => api('member').from('papers').select('id').eq('id', w.ids.paperSecretA);
		expect((await secret()).data).toHaveLength(1);
		await w.db.query(`update public.memberships set end_date = current_date - 1 where id = $1`, [
			w.ids.membershipA
		]);
		try {
			expect((await secret()).data).toEqual([]);
		} finally {
			await w.db.query('update public.memberships set end_date = null where id = $1', [
				w.ids.membershipA
			]);
		}
	});
});

describe('storage: bucket files follows the files table', () => {
	const pdf = new TextEncoder().encode('%PDF-1.4\n% rls test\n');
	beforeAll(async () => {
		for (const f of [w.files.public, w.files.secretA, w.files.secretB])
			await w.upload(f.storagePath, pdf);
	});
	const download = (role: Role, path: string) => api(role).storage.from('files').download(path);

	it.each([
		['anon', 'public', true],
		['anon', 'secretA', false],
		['anon', 'secretB', false],
		['citizen', 'secretA', false],
		['member', 'secretA', true],
		['member', 'secretB', false],
		['editor', 'secretB', true]
	] as [Role, 'public' | 'secretA' | 'secretB', boolean][])(
		'%s downloads the %s file: %s',
		async (role, label, allowed) => {
			const { data, error } = await download(role, w.files[label].storagePath);
			if (allowed) {
				expect(error).toBeNull();
				expect(new Uint8Array(await data!.arrayBuffer())).toEqual(pdf);
			} else {
				expect(error).not.toBeNull();
				expect(data).toBeNull();
			}
		}
	);

	it('lets staff upload and refuses citizens', async () => {
		const path = `rls-test/${w.suffix}/upload-${randomUUID()}.pdf`;
		const refused = await api('citizen').storage.from('files').upload(path, pdf);
		expect(refused.error).not.toBeNull();
		const accepted = await api('editor').storage.from('files').upload(path, pdf);
		w.track.objects.push(path);
		expect(accepted.error).toBeNull();
	});
});

describe('canary', () => {
	it(`anon reads no value containing ${CANARY} from any table`, async () => {
		const { rows } = await w.db.query<{ tablename: string }>(
			`select tablename from pg_tables where schemaname = 'public' order by 1`
		);
		// The phrase must really be there, or this test could not fail.
		const planted: string[] = [];
		for (const { tablename } of rows) {
			const hit = await w.db.query(
				`select 1 from public.${tablename} t where t::text like '%' || $1 || '%' limit 1`,
				[CANARY]
			);
			if (hit.rowCount) planted.push(tablename);
		}
		expect(planted).toEqual(
			expect.arrayContaining([
				'agenda_items',
				'papers',
				'files',
				'file_pages',
				'comments',
				'comment_removals'
			])
		);
		const leaks: string[] = [];
		for (const { tablename } of rows) {
			const { data, error } = await api('anon').from(tablename).select('*');
			expect(error, tablename).toBeNull();
			if (JSON.stringify(data).includes(CANARY)) leaks.push(tablename);
		}
		expect(leaks).toEqual([]);
	});
});
