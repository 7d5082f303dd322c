// The page texts of a document outside the reader page: the JSON endpoint the reader's search
// fetches (/files/[id]/text.json) and the server-rendered text version (/files/[id]/text), both
// from the production build, as a visitor and as a council member. RLS decides through the
// caller's own session: non-public text never reaches the public, not even through a cache.
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { appSession } from '../support/app-session.ts';
import { anonClient, serviceClient, signedInClient } from '../support/clients.ts';
import { DEMO_PASSWORD, MEMBER_EMAIL } from '../support/council-demo.ts';
import { CANARY } from '../support/fixtures.ts';

const appUrl = inject('appUrl');
const service = serviceClient();

interface Known {
	id: string;
	pageCount: number;
	pages: string[];
}
let open: Known;
let secret: Known;
let memberCookie: string;

async function pagesOf(id: string): Promise<string[]> {
	const { data, error } = await service
		.from('file_pages')
		.select('page_number, content')
		.eq('file_id', id)
		.order('page_number');
	if (error) throw error;
	return data.map((row) => row.content);
}

beforeAll(async () => {
	// A public file with several pages, chosen by the anonymous client: anyone may read it.
	const { data: pub, error: pubError } = await anonClient()
		.from('files')
		.select('id, page_count')
		.gte('page_count', 12)
		.order('page_count')
		.limit(1)
		.single();
	if (pubError) throw pubError;
	open = { id: pub.id, pageCount: pub.page_count!, pages: await pagesOf(pub.id) };

	// A non-public file with the canary in its text that the demo council member may read.
	const member = await signedInClient(MEMBER_EMAIL, DEMO_PASSWORD);
	const { data: theirs, error: theirsError } = await member
		.from('files')
		.select('id, page_count')
		.eq('public', false)
		.limit(50);
	if (theirsError) throw theirsError;
	const { data: canary, error: canaryError } = await service
		.from('file_pages')
		.select('file_id')
		.in(
			'file_id',
			theirs.map((file) => file.id)
		)
		.like('content', `%${CANARY}%`)
		.limit(1)
		.single();
	if (canaryError) throw canaryError;
	const file = theirs.find((row) => row.id === canary.file_id)!;
	secret = { id: file.id, pageCount: file.page_count!, pages: await pagesOf(file.id) };
	// The anonymous client must not see it: the test below would prove nothing otherwise.
	const { data: hidden } = await anonClient().from('files').select('id').eq('id', secret.id);
	expect(hidden).toEqual([]);
	memberCookie = await appSession(appUrl, MEMBER_EMAIL, DEMO_PASSWORD);
});

async function get(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(`${appUrl}${path}`, { headers, redirect: 'manual' });
	return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('page texts as JSON for the reader search', () => {
	it('sends every page of a public file, compressed, and lets shared caches keep it briefly', async () => {
		const { status, headers, text } = await get(`/files/${open.id}/text.json`);
		expect(status).toBe(200);
		expect(headers.get('content-type')).toContain('application/json');
		expect(headers.get('content-encoding')).toBe('gzip');
		expect(headers.get('cache-control')).toBe('public, max-age=300');
		const body = JSON.parse(text) as { pages: string[] };
		expect(body.pages).toHaveLength(open.pageCount);
		expect(body.pages).toEqual(open.pages);
	});

	it('compresses only for clients that accept gzip', async () => {
		const raw = await fetch(`${appUrl}/files/${open.id}/text.json`, {
			headers: { 'accept-encoding': 'identity' }
		});
		expect(raw.headers.get('content-encoding')).toBeNull();
		expect((await raw.json()).pages).toEqual(open.pages);
		// Node's fetch unpacks gzip itself; the raw bytes show the body really is compressed.
		const { request } = await import('node:http');
		const url = new URL(`${appUrl}/files/${open.id}/text.json`);
		const bytes = await new Promise<Buffer>((resolve, reject) => {
			request(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve(Buffer.concat(chunks)));
			})
				.on('error', reject)
				.end();
		});
		const json = gunzipSync(bytes).toString('utf8');
		expect(bytes.length).toBeLessThan(json.length / 2);
		expect(JSON.parse(json).pages).toEqual(open.pages);
	});

	it('never gives a visitor the text of a non-public file, but gives it to the member', async () => {
		const anon = await get(`/files/${secret.id}/text.json`);
		expect(anon.status).toBe(404);
		expect(anon.text).not.toContain(CANARY);
		expect(anon.headers.get('cache-control') ?? '').not.toContain('public');

		const member = await get(`/files/${secret.id}/text.json`, { cookie: memberCookie });
		expect(member.status).toBe(200);
		expect(member.headers.get('cache-control')).toBe('private, no-store');
		const body = JSON.parse(member.text) as { pages: string[] };
		expect(body.pages).toEqual(secret.pages);
		expect(member.text).toContain(CANARY);
	});

	it('answers 404 for an unknown id and 400 for a malformed one, as JSON', async () => {
		const unknown = await get(`/files/${randomUUID()}/text.json`, { accept: 'application/json' });
		expect(unknown.status).toBe(404);
		expect(JSON.parse(unknown.text).message).toContain('gibt es nicht');
		const malformed = await get('/files/keine-nummer/text.json', { accept: 'application/json' });
		expect(malformed.status).toBe(400);
		expect(JSON.parse(malformed.text).message).toContain('ungültig');
	});
});

describe('the server-rendered text version', () => {
	it('shows ten pages from the requested one, with links to page on', async () => {
		const { status, text } = await get(`/files/${open.id}/text?seite=2`);
		expect(status).toBe(200);
		const sections = [...text.matchAll(/<section id="page=(\d+)"/g)].map((m) => Number(m[1]));
		expect(sections).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(text).toContain(`href="/files/${open.id}/text?seite=1"`);
		expect(text).toContain(`href="/files/${open.id}/text?seite=12"`);
	});

	it('keeps non-public text from visitors and shows it to the member', async () => {
		for (const path of [`/files/${secret.id}/text`, `/files/${secret.id}/text?q=Text&seite=2`]) {
			const anon = await get(path);
			expect(anon.status, path).toBe(404);
			expect(anon.text, path).not.toContain(CANARY);
		}
		const member = await get(`/files/${secret.id}/text?q=${CANARY}`, { cookie: memberCookie });
		expect(member.status).toBe(200);
		expect(member.text).toMatch(new RegExp(`<mark[^>]*>${CANARY}</mark>`));
		expect(member.headers.get('cache-control')).toBe('private, no-store');
	});

	it('answers 400 for malformed parameters and 404 beyond the last page', async () => {
		for (const query of ['seite=abc', 'seite=0', 'seite=-3', `q=${'x'.repeat(201)}`]) {
			const { status, text } = await get(`/files/${open.id}/text?${query}`);
			expect(status, query).toBe(400);
			expect(text, query).toContain('Ungültige Anfrage');
		}
		expect((await get(`/files/${open.id}/text?seite=${open.pageCount + 1}`)).status).toBe(404);
		expect((await get(`/files/${randomUUID()}/text`)).status).toBe(404);
		expect((await get('/files/keine-nummer/text')).status).toBe(400);
	});

	it('says what is wrong in the language of the visitor', async () => {
		const english = { 'accept-language': 'en-GB,en;q=0.8' };
		const cases: [string, string, string][] = [
			[`/files/${open.id}/text?seite=abc`, 'ganze Zahl ab 1', 'whole number from 1'],
			[`/files/${open.id}/text?seite=${open.pageCount + 1}`, 'gibt es in diesem', 'has no page'],
			['/files/keine-nummer', 'Dokumentnummer', 'document number'],
			[`/files/${randomUUID()}/text.json`, 'nicht öffentlich', 'not public']
		];
		for (const [path, german, inEnglish] of cases) {
			expect((await get(path)).text, path).toContain(german);
			const { text } = await get(path, english);
			expect(text, path).toContain(inEnglish);
			expect(text, path).not.toContain(german);
		}
	});
});
