// Loads the demo data into a Supabase project through its public APIs with the service-role key:
// auth users via the admin API, rows via PostgREST, PDFs via Storage. Works the same against the
// embedded local stack and a hosted project. PDFs are rendered and their text extracted on worker
// threads while the main thread uploads and inserts.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { DEMO_USERS } from './comments.ts';
import { generateDemoData, type DemoData, type SeedFile } from './demo-data.ts';
import { createPdfPool, defaultThreads } from './pdf-pool.ts';
import type { RenderedPdf } from './pdf-render.ts';

export { DEMO_PASSWORD } from './comments.ts';

/** The demo logins (all with the password `Demo-Passwort-2026`), for tests and the README. */
export const demoUsers = DEMO_USERS.map(({ email, password, role, displayName, description }) => ({
	email,
	password,
	role,
	displayName,
	description
}));

export interface SeedOptions {
	supabaseUrl: string;
	serviceRoleKey: string;
	log: (line: string) => void;
	progress?: (done: number, total: number, what: string) => void;
	/** Reference date of the demo data (yyyy-mm-dd); defaults to 2026-11-28. */
	today?: string;
	/** PDF worker threads; 0 renders on the main thread. */
	threads?: number;
}

type Client = SupabaseClient<Database>;
type Table = keyof Database['public']['Tables'];

const MAX_ROWS = 1000;
const MAX_BYTES = 2_000_000;
const UPLOAD_CONCURRENCY = 6;

export async function seed(options: SeedOptions): Promise<{ counts: Record<string, number> }> {
	const { log } = options;
	const started = performance.now();
	const data = generateDemoData({ today: options.today });
	const supabase = client(options);
	const counts: Record<string, number> = {};
	const insert = async (table: Table, rows: object[]) => {
		for (const batch of batches(rows)) {
			const { error } = await supabase.from(table).insert(batch as never, { defaultToNull: false });
			if (error) throw new Error(`Seed: Einfügen in ${table} fehlgeschlagen: ${error.message}`);
		}
		counts[table] = (counts[table] ?? 0) + rows.length;
	};
	const timed = async <T>(what: string, work: () => Promise<T>, detail: (r: T) => string) => {
		const t = performance.now();
		const result = await work();
		log(`seed: ${what} ${detail(result)} in ${seconds(t)} s`);
		return result;
	};

	const { count, error } = await supabase
		.from('bodies')
		.select('id', { count: 'exact', head: true })
		.eq('id', data.bodies[0].id);
	if (error) throw new Error(`Seed: Datenbank nicht bereit (Migrationen?): ${error.message}`);
	if (count) throw new Error('Seed: Die Demodaten sind in diesem Projekt bereits geladen.');

	// PDFs take longest: start them first, they stream into files/file_pages as they finish.
	const pool = createPdfPool(options.threads ?? defaultThreads());
	const documents = loadDocuments(supabase, data.files, insert, pool.render, options);
	// Awaited below; until then a failure must not surface as an unhandled rejection.
	documents.catch(() => undefined);
	try {
		const users = await timed(
			'Benutzer',
			() => createUsers(supabase, data),
			(u) => `${u.size}`
		);
		counts['auth.users'] = users.size;
		await timed(
			'Körperschaft, Gremien, Personen',
			async () => {
				await insert('bodies', data.bodies);
				await insert('legislative_terms', data.legislative_terms);
				await insert('organizations', data.organizations);
				await insert('persons', data.persons);
				await insert('memberships', data.memberships);
				await insert('locations', data.locations);
				const member = DEMO_USERS.find((u) => u.councilMember) as (typeof DEMO_USERS)[number];
				const { error } = await supabase
					.from('profiles')
					.update({ person_id: data.councilMemberPersonId })
					.eq('id', users.get(member.email) as string);
				if (error) throw new Error(`Seed: Ratsmitglied nicht verknüpft: ${error.message}`);
			},
			() => `${data.persons.length} Personen, ${data.memberships.length} Mitgliedschaften`
		);
		const docs = await documents;
		counts['storage.objects'] = docs.files;
		log(
			`seed: ${docs.files} PDF-Dokumente (${docs.pages} Seiten, ${(docs.bytes / 1e6).toFixed(1)} MB, ` +
				`${pool.threads} Threads) in ${seconds(started)} s`
		);

		await timed(
			'Sitzungen, Tagesordnungen, Vorlagen',
			async () => {
				await insert('meetings', data.meetings);
				await insert('meeting_organizations', data.meeting_organizations);
				await insert('agenda_items', data.agenda_items);
				await insert('papers', data.papers);
				await insert('paper_relations', data.paper_relations);
				await insert('file_attachments', data.file_attachments);
				await insert('consultations', data.consultations);
			},
			() =>
				`${data.meetings.length} Sitzungen, ${data.agenda_items.length} TOPs, ${data.papers.length} Vorlagen`
		);
		await timed(
			'Projekte und Kommentare',
			async () => {
				await insert('projects', data.projects);
				await insert('project_phases', data.project_phases);
				await insert('project_papers', data.project_papers);
				await insert('project_meetings', data.project_meetings);
				counts.comment_removals = await loadComments(options, supabase, data, users, insert);
			},
			() => `${data.projects.length} Projekte, ${data.comments.length} Kommentare`
		);
	} finally {
		await pool.close();
	}
	log(`seed: fertig in ${seconds(started)} s`);
	return { counts };
}

function client(options: SeedOptions): Client {
	return createClient<Database>(options.supabaseUrl, options.serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}

function seconds(since: number): string {
	return ((performance.now() - since) / 1000).toFixed(1);
}

/** Batches of at most 1,000 rows and about 2 MB of JSON. */
export function* batches<T>(rows: T[]): Generator<T[]> {
	let batch: T[] = [];
	let bytes = 0;
	for (const row of rows) {
		const size = JSON.stringify(row).length;
		if (batch.length > 0 && (batch.length >= MAX_ROWS || bytes + size > MAX_BYTES)) {
			yield batch;
			batch = [];
			bytes = 0;
		}
		batch.push(row);
		bytes += size;
	}
	if (batch.length > 0) yield batch;
}

/** Runs `work` on every item with at most `limit` at a time; the first failure stops new work. */
async function mapLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
	let next = 0;
	let failed = false;
	const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (!failed && next < items.length) {
			try {
				await work(items[next++]);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	});
	await Promise.all(runners);
}

/** Runs at most `limit` of the functions passed to it at the same time. */
function limiter(limit: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async <T>(work: () => Promise<T>): Promise<T> => {
		// A finishing task hands its slot straight to the next waiting one.
		if (active < limit) active++;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await work();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else active--;
		}
	};
}

async function createUsers(supabase: Client, data: DemoData): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	await mapLimit(data.users, 4, async (user) => {
		const { data: created, error } = await supabase.auth.admin.createUser({
			email: user.email,
			password: user.password,
			email_confirm: true,
			app_metadata: { role: user.role },
			user_metadata: { display_name: user.displayName }
		});
		if (created.user) {
			ids.set(user.email, created.user.id);
			return;
		}
		// A project seeded before may still have the logins (the council data was deleted).
		const existing =
			error?.code === 'email_exists' ? await findUser(supabase, user.email) : undefined;
		if (!existing) throw new Error(`Seed: Benutzer ${user.email}: ${error?.message}`);
		ids.set(user.email, existing);
	});
	return ids;
}

async function findUser(supabase: Client, email: string): Promise<string | undefined> {
	for (let page = 1; ; page++) {
		const { data, error } = await supabase.auth.admin.listUsers({ page, perPage: 1000 });
		if (error) throw new Error(`Seed: Benutzerliste: ${error.message}`);
		const user = data.users.find((u) => u.email === email);
		if (user || data.users.length < 1000) return user?.id;
	}
}

interface DocumentTotals {
	files: number;
	pages: number;
	bytes: number;
}

/**
 * Renders, uploads and records every file. Rows go in as batches complete: files first, then their
 * pages, so a page never points at a missing file.
 */
async function loadDocuments(
	supabase: Client,
	files: SeedFile[],
	insert: (table: Table, rows: object[]) => Promise<void>,
	render: (spec: SeedFile['pdf']) => Promise<RenderedPdf>,
	options: SeedOptions
): Promise<DocumentTotals> {
	const totals: DocumentTotals = { files: 0, pages: 0, bytes: 0 };
	const extractedAt = new Date().toISOString();
	let pendingFiles: object[] = [];
	let pendingPages: object[] = [];
	let flushing = Promise.resolve();
	const flush = () => {
		const fileRows = pendingFiles;
		const pageRows = pendingPages;
		pendingFiles = [];
		pendingPages = [];
		flushing = flushing.then(async () => {
			await insert('files', fileRows);
			await insert('file_pages', pageRows);
		});
		return flushing;
	};
	// Longest documents first, so the ~300-page budget does not finish last on its own.
	const ordered = [...files].sort((a, b) => (b.pdf.targetPages ?? 0) - (a.pdf.targetPages ?? 0));
	// More documents in flight than uploads, so the workers never wait for the network.
	const uploads = limiter(UPLOAD_CONCURRENCY);
	let done = 0;
	await mapLimit(ordered, UPLOAD_CONCURRENCY * 2, async (file) => {
		const pdf = await render(file.pdf);
		await uploads(() => upload(supabase, file.row.storage_path, pdf.bytes));
		pendingFiles.push({
			...file.row,
			size: pdf.bytes.byteLength,
			sha512: pdf.sha512,
			page_count: pdf.pageCount,
			text_extracted_at: extractedAt
		});
		pdf.pages.forEach((content, i) =>
			pendingPages.push({ file_id: file.row.id, page_number: i + 1, content })
		);
		totals.files++;
		totals.pages += pdf.pageCount;
		totals.bytes += pdf.bytes.byteLength;
		options.progress?.(++done, files.length, 'PDF-Dokumente');
		if (pendingFiles.length >= 250) await flush();
	});
	await flush();
	return totals;
}

async function upload(supabase: Client, path: string, bytes: Uint8Array): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		const { error } = await supabase.storage
			.from('files')
			.upload(path, bytes, { contentType: 'application/pdf', upsert: true });
		if (!error) return;
		if (attempt === 3) throw new Error(`Seed: Upload von ${path} fehlgeschlagen: ${error.message}`);
		await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
	}
}

/**
 * Comments go in as the prescribed insert states allow (top level before replies); removals are
 * then made by the moderator or the author themselves, so the trigger moves the text into
 * comment_removals as it would in the app.
 */
async function loadComments(
	options: SeedOptions,
	supabase: Client,
	data: DemoData,
	users: Map<string, string>,
	insert: (table: Table, rows: object[]) => Promise<void>
): Promise<number> {
	const rows = data.comments.map((c) => ({
		...c.row,
		author_id: users.get(c.author) ?? null,
		state: c.state === 'pending' || c.state === 'hidden' ? c.state : 'published'
	}));
	await insert(
		'comments',
		rows.filter((r) => r.parent_id === null)
	);
	await insert(
		'comments',
		rows.filter((r) => r.parent_id !== null)
	);

	const removals = new Map<
		string,
		{ state: 'removed_by_author' | 'removed_by_moderator'; ids: string[] }
	>();
	for (const c of data.comments) {
		if (c.state !== 'removed_by_author' && c.state !== 'removed_by_moderator') continue;
		const by = c.state === 'removed_by_moderator' ? 'moderation@rheinstadt.example' : c.author;
		const entry = removals.get(`${by} ${c.state}`) ?? { state: c.state, ids: [] };
		entry.ids.push(c.row.id);
		removals.set(`${by} ${c.state}`, entry);
	}
	for (const [key, { state, ids }] of removals) {
		const email = key.split(' ')[0];
		const user = data.users.find((u) => u.email === email) as DemoData['users'][number];
		const session = client(options);
		const { error: signInError } = await session.auth.signInWithPassword({
			email,
			password: user.password
		});
		if (signInError) throw new Error(`Seed: Anmeldung als ${email}: ${signInError.message}`);
		const { error } = await session.from('comments').update({ state }).in('id', ids);
		if (error) throw new Error(`Seed: Kommentare entfernen (${email}): ${error.message}`);
		await session.auth.signOut();
	}
	const { count, error } = await supabase
		.from('comment_removals')
		.select('comment_id', { count: 'exact', head: true });
	const expected = data.comments.filter((c) => c.state.startsWith('removed')).length;
	if (error || count !== expected) {
		throw new Error(
			`Seed: ${expected} entfernte Kommentare erwartet, ${count} in comment_removals`
		);
	}
	return count;
}
