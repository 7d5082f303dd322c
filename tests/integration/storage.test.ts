// The local Storage stand-in through @supabase/supabase-js and plain fetch: buckets, uploads,
// downloads with HTTP ranges, signed and public URLs, and RLS on storage.objects deciding access.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const url = inject('supabaseUrl');
const anonKey = inject('anonKey');
const serviceRoleKey = inject('serviceRoleKey');

const noPersist = { auth: { persistSession: false, autoRefreshToken: false } };
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const privateBucket = `test-private-${run}`;
const publicBucket = `test-public-${run}`;
const rlsBucket = `test-rls-${run}`;
const policyPrefix = `test_${run.replace(/\W/g, '_')}`;

const admin = createClient(url, serviceRoleKey, noPersist);
const anon = createClient(url, anonKey, noPersist);
let db: pg.Client;
const users: { id: string; client: SupabaseClient }[] = [];

/** 1000 bytes where every position is recognisable, so ranges can be checked exactly. */
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

async function userClient(): Promise<{ id: string; client: SupabaseClient }> {
	const email = `storage-${run}-${users.length}@example.org`;
	const created = await admin.auth.admin.createUser({
		email,
		password: 'geheim123',
		email_confirm: true
	});
	expect(created.error).toBeNull();
	const client = createClient(url, anonKey, noPersist);
	const { data, error } = await client.auth.signInWithPassword({ email, password: 'geheim123' });
	expect(error).toBeNull();
	// Without persistence supabase-js does not use the session for storage; pass it explicitly.
	const authed = createClient(url, anonKey, {
		...noPersist,
		global: { headers: { authorization: `Bearer ${data.session!.access_token}` } }
	});
	const user = { id: created.data.user!.id, client: authed };
	users.push(user);
	return user;
}

function objectUrl(bucket: string, key: string): string {
	return `${url}/storage/v1/object/authenticated/${bucket}/${key}`;
}

const serviceHeaders = { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}` };

beforeAll(async () => {
	db = new pg.Client({ connectionString: inject('dbUrl') });
	await db.connect();
	const privateResult = await admin.storage.createBucket(privateBucket, { public: false });
	expect(privateResult.error).toBeNull();
	expect(privateResult.data?.name).toBe(privateBucket);
	expect((await admin.storage.createBucket(publicBucket, { public: true })).error).toBeNull();
	expect((await admin.storage.createBucket(rlsBucket, { public: false })).error).toBeNull();
	// Whatever the project's migrations allow: anon must not see the private test bucket, and
	// users may read, write and delete inside their own folder `<uid>/…` of the RLS test bucket.
	const own = `bucket_id = '${rlsBucket}' and (storage.foldername(name))[1] = auth.uid()::text`;
	await db.query(`
		create policy ${policyPrefix}_hide on storage.buckets as restrictive for select to anon
			using (id <> '${privateBucket}');
		create policy ${policyPrefix}_select on storage.objects for select to authenticated
			using (${own});
		create policy ${policyPrefix}_insert on storage.objects for insert to authenticated
			with check (${own});
		create policy ${policyPrefix}_delete on storage.objects for delete to authenticated
			using (${own});
	`);
});

afterAll(async () => {
	for (const name of ['select', 'insert', 'delete']) {
		await db.query(`drop policy if exists ${policyPrefix}_${name} on storage.objects`);
	}
	await db.query(`drop policy if exists ${policyPrefix}_hide on storage.buckets`);
	for (const bucket of [privateBucket, publicBucket, rlsBucket]) {
		await admin.storage.emptyBucket(bucket);
		await admin.storage.deleteBucket(bucket);
	}
	for (const user of users) await admin.auth.admin.deleteUser(user.id);
	await db.end();
});

describe('buckets', () => {
	it('creates, reads, updates and lists buckets with the service role', async () => {
		const { data, error } = await admin.storage.getBucket(privateBucket);
		expect(error).toBeNull();
		expect(data).toMatchObject({ id: privateBucket, name: privateBucket, public: false });
		const updated = await admin.storage.updateBucket(privateBucket, {
			public: false,
			fileSizeLimit: '10MB',
			allowedMimeTypes: ['text/*', 'application/pdf', 'application/octet-stream']
		});
		expect(updated.error).toBeNull();
		const after = await admin.storage.getBucket(privateBucket);
		expect(after.data?.file_size_limit).toBe(10_000_000);
		const list = await admin.storage.listBuckets();
		expect(list.data?.map((b) => b.id)).toEqual(
			expect.arrayContaining([privateBucket, publicBucket, rlsBucket])
		);
		const duplicate = await admin.storage.createBucket(privateBucket);
		expect(duplicate.error).not.toBeNull();
		expect((duplicate.error as { status?: number }).status).toBe(409);
	});

	it('lists buckets and creates them as the caller (RLS on storage.buckets)', async () => {
		const list = await anon.storage.listBuckets();
		expect(list.error).toBeNull();
		expect(list.data?.some((b) => b.id === privateBucket)).toBe(false);
		const created = await anon.storage.createBucket(`anon-${run}`);
		expect((created.error as { status?: number } | null)?.status).toBe(403);
	});

	it('refuses to delete a bucket that still has objects', async () => {
		await admin.storage.from(privateBucket).upload('keep.txt', Buffer.from('x'));
		const { error } = await admin.storage.deleteBucket(privateBucket);
		expect((error as { status?: number } | null)?.status).toBe(409);
	});
});

describe('objects', () => {
	it('uploads raw bytes, downloads them and reports info', async () => {
		const store = admin.storage.from(privateBucket);
		const uploaded = await store.upload('dokumente/raw.bin', bytes, {
			contentType: 'application/octet-stream',
			cacheControl: '60'
		});
		expect(uploaded.error).toBeNull();
		expect(uploaded.data?.fullPath).toBe(`${privateBucket}/dokumente/raw.bin`);
		expect(uploaded.data?.id).toMatch(/^[0-9a-f-]{36}$/);
		const downloaded = await store.download('dokumente/raw.bin');
		expect(downloaded.error).toBeNull();
		expect(Buffer.from(await downloaded.data!.arrayBuffer()).equals(bytes)).toBe(true);
		const info = await store.info('dokumente/raw.bin');
		expect(info.error).toBeNull();
		expect(info.data).toMatchObject({ size: 1000, contentType: 'application/octet-stream' });
		expect((await store.exists('dokumente/raw.bin')).data).toBe(true);
		expect((await store.exists('dokumente/missing.bin')).data).toBe(false);
	});

	it('uploads a Blob as multipart/form-data with its content type and metadata', async () => {
		const store = admin.storage.from(privateBucket);
		const pdf = new Blob(['%PDF-1.7 Vorlage\n'], { type: 'application/pdf' });
		const { error } = await store.upload('vorlage.pdf', pdf, { metadata: { seite: 1 } });
		expect(error).toBeNull();
		const response = await fetch(objectUrl(privateBucket, 'vorlage.pdf'), {
			headers: serviceHeaders
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(await response.text()).toBe('%PDF-1.7 Vorlage\n');
		const info = await store.info('vorlage.pdf');
		expect(info.data?.metadata).toEqual({ seite: 1 });
	});

	it('refuses to overwrite without upsert, overwrites with upsert and update()', async () => {
		const store = admin.storage.from(privateBucket);
		await store.upload('version.txt', Buffer.from('eins'), { contentType: 'text/plain' });
		const again = await store.upload('version.txt', Buffer.from('zwei'));
		expect((again.error as { status?: number } | null)?.status).toBe(409);
		const upsert = await store.upload('version.txt', Buffer.from('zwei'), { upsert: true });
		expect(upsert.error).toBeNull();
		expect(await (await store.download('version.txt')).data?.text()).toBe('zwei');
		const update = await store.update('version.txt', Buffer.from('drei'));
		expect(update.error).toBeNull();
		expect(await (await store.download('version.txt')).data?.text()).toBe('drei');
	});

	it('enforces the bucket MIME type list', async () => {
		const { error } = await admin.storage
			.from(privateBucket)
			.upload('bild.png', Buffer.from('png'), { contentType: 'image/png' });
		expect((error as { status?: number } | null)?.status).toBe(415);
	});

	it('lists one folder level with sub-folders', async () => {
		const store = admin.storage.from(privateBucket);
		await store.upload('liste/a.txt', Buffer.from('a'), { contentType: 'text/plain' });
		await store.upload('liste/unter/b.txt', Buffer.from('b'), { contentType: 'text/plain' });
		const { data, error } = await store.list('liste');
		expect(error).toBeNull();
		expect(data?.map((item) => [item.name, item.id === null])).toEqual([
			['a.txt', false],
			['unter', true]
		]);
		const searched = await store.list('liste', { search: 'a' });
		expect(searched.data?.map((item) => item.name)).toEqual(['a.txt']);
	});

	it('deletes objects', async () => {
		const store = admin.storage.from(privateBucket);
		await store.upload('weg.txt', Buffer.from('weg'), { contentType: 'text/plain' });
		const { data, error } = await store.remove(['weg.txt', 'gibt-es-nicht.txt']);
		expect(error).toBeNull();
		expect(data?.map((o) => o.name)).toEqual(['weg.txt']);
		const download = await store.download('weg.txt');
		expect(download.data).toBeNull();
		expect((download.error as { status?: number } | null)?.status).toBe(404);
	});

	it('rejects keys that try to leave the bucket', async () => {
		const response = await fetch(
			`${url}/storage/v1/object/${privateBucket}/..%2F..%2Fentkommen.txt`,
			{ method: 'POST', headers: { ...serviceHeaders, 'content-type': 'text/plain' }, body: 'x' }
		);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ statusCode: '400', code: 'InvalidKey' });
	});
});

describe('range requests', () => {
	beforeAll(async () => {
		const { error } = await admin.storage
			.from(privateBucket)
			.upload('range.bin', bytes, { contentType: 'application/octet-stream', upsert: true });
		expect(error).toBeNull();
	});

	it('answers Range: bytes=0-99 with 206 and exactly 100 bytes', async () => {
		const response = await fetch(objectUrl(privateBucket, 'range.bin'), {
			headers: { ...serviceHeaders, range: 'bytes=0-99' }
		});
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe('bytes 0-99/1000');
		expect(response.headers.get('accept-ranges')).toBe('bytes');
		const body = Buffer.from(await response.arrayBuffer());
		expect(body.length).toBe(100);
		expect(body.equals(bytes.subarray(0, 100))).toBe(true);
	});

	it('serves open-ended and suffix ranges', async () => {
		const tail = await fetch(objectUrl(privateBucket, 'range.bin'), {
			headers: { ...serviceHeaders, range: 'bytes=990-' }
		});
		expect(tail.status).toBe(206);
		expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(990))).toBe(true);
		const suffix = await fetch(objectUrl(privateBucket, 'range.bin'), {
			headers: { ...serviceHeaders, range: 'bytes=-5' }
		});
		expect(suffix.headers.get('content-range')).toBe('bytes 995-999/1000');
		expect(Buffer.from(await suffix.arrayBuffer()).equals(bytes.subarray(995))).toBe(true);
	});

	it('answers unsatisfiable ranges with 416', async () => {
		const response = await fetch(objectUrl(privateBucket, 'range.bin'), {
			headers: { ...serviceHeaders, range: 'bytes=5000-6000' }
		});
		expect(response.status).toBe(416);
		expect(response.headers.get('content-range')).toBe('bytes */1000');
	});

	it('supports ETag revalidation and download names', async () => {
		const first = await fetch(`${objectUrl(privateBucket, 'range.bin')}?download=Vorlage.bin`, {
			headers: serviceHeaders
		});
		expect(first.status).toBe(200);
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
		expect(first.headers.get('last-modified')).toBeTruthy();
		expect(first.headers.get('content-disposition')).toContain(
			'attachment; filename="Vorlage.bin"'
		);
		await first.arrayBuffer();
		const cached = await fetch(objectUrl(privateBucket, 'range.bin'), {
			headers: { ...serviceHeaders, 'if-none-match': etag! }
		});
		expect(cached.status).toBe(304);
	});
});

describe('signed and public URLs', () => {
	beforeAll(async () => {
		await admin.storage
			.from(privateBucket)
			.upload('signiert.bin', bytes, { contentType: 'application/octet-stream', upsert: true });
		await admin.storage
			.from(publicBucket)
			.upload('oeffentlich.txt', Buffer.from('für alle'), { contentType: 'text/plain' });
	});

	it('serves a signed URL without API key, with ranges', async () => {
		const { data, error } = await admin.storage
			.from(privateBucket)
			.createSignedUrl('signiert.bin', 60);
		expect(error).toBeNull();
		const full = await fetch(data!.signedUrl);
		expect(full.status).toBe(200);
		expect(Buffer.from(await full.arrayBuffer()).equals(bytes)).toBe(true);
		const part = await fetch(data!.signedUrl, { headers: { range: 'bytes=10-19' } });
		expect(part.status).toBe(206);
		expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
	});

	it('rejects tampered signed URLs and tokens for other objects', async () => {
		const { data } = await admin.storage.from(privateBucket).createSignedUrl('signiert.bin', 60);
		const signed = new URL(data!.signedUrl);
		const token = signed.searchParams.get('token')!;
		// Change the first character of the signature: the last one may only carry padding bits.
		const at = token.lastIndexOf('.') + 1;
		const swapped = token[at] === 'A' ? 'B' : 'A';
		signed.searchParams.set('token', `${token.slice(0, at)}${swapped}${token.slice(at + 1)}`);
		const tampered = await fetch(signed);
		expect(tampered.status).toBe(400);
		expect((await tampered.json()).statusCode).toBe('400');
		const other = new URL(data!.signedUrl.replace('signiert.bin', 'range.bin'));
		expect((await fetch(other)).status).toBe(400);
	});

	it('signs several paths and reports the missing ones', async () => {
		const { data, error } = await admin.storage
			.from(privateBucket)
			.createSignedUrls(['signiert.bin', 'fehlt.bin'], 60);
		expect(error).toBeNull();
		expect(data?.[0].error).toBeNull();
		expect(data?.[0].signedUrl).toContain('/object/sign/');
		expect(data?.[1].error).toBeTruthy();
		expect(data?.[1].signedUrl).toBeNull();
	});

	it('serves public buckets without API key, but not private ones', async () => {
		const { data } = admin.storage.from(publicBucket).getPublicUrl('oeffentlich.txt');
		const response = await fetch(data.publicUrl);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('für alle');
		const ranged = await fetch(data.publicUrl, { headers: { range: 'bytes=0-2' } });
		expect(ranged.status).toBe(206);
		const hidden = admin.storage.from(privateBucket).getPublicUrl('signiert.bin');
		expect((await fetch(hidden.data.publicUrl)).status).toBe(404);
	});
});

describe('authorization through RLS on storage.objects', () => {
	it('lets anon read nothing in a private bucket without a policy', async () => {
		await admin.storage.from(privateBucket).upload('geheim.txt', Buffer.from('geheim'), {
			contentType: 'text/plain',
			upsert: true
		});
		const { data, error } = await anon.storage.from(privateBucket).download('geheim.txt');
		expect(data).toBeNull();
		expect((error as { status?: number } | null)?.status).toBe(404);
		const signed = await anon.storage.from(privateBucket).createSignedUrl('geheim.txt', 60);
		expect(signed.error).not.toBeNull();
		const upload = await anon.storage.from(privateBucket).upload('anon.txt', Buffer.from('x'));
		expect((upload.error as { status?: number } | null)?.status).toBe(403);
	});

	it('lets users write, read and delete only in their own folder', async () => {
		const alice = await userClient();
		const bob = await userClient();
		const own = await alice.client.storage
			.from(rlsBucket)
			.upload(`${alice.id}/notiz.txt`, Buffer.from('Alice'), { contentType: 'text/plain' });
		expect(own.error).toBeNull();
		const foreign = await alice.client.storage
			.from(rlsBucket)
			.upload(`${bob.id}/untergeschoben.txt`, Buffer.from('x'), { contentType: 'text/plain' });
		expect((foreign.error as { status?: number } | null)?.status).toBe(403);

		const read = await alice.client.storage.from(rlsBucket).download(`${alice.id}/notiz.txt`);
		expect(await read.data?.text()).toBe('Alice');
		const peek = await bob.client.storage.from(rlsBucket).download(`${alice.id}/notiz.txt`);
		expect(peek.data).toBeNull();
		const bobList = await bob.client.storage.from(rlsBucket).list(alice.id);
		expect(bobList.data).toEqual([]);

		const bobDelete = await bob.client.storage.from(rlsBucket).remove([`${alice.id}/notiz.txt`]);
		expect(bobDelete.data).toEqual([]);
		const stillThere = await admin.storage.from(rlsBucket).download(`${alice.id}/notiz.txt`);
		expect(await stillThere.data?.text()).toBe('Alice');

		const { rows } = await db.query(
			'select owner from storage.objects where bucket_id = $1 and name = $2',
			[rlsBucket, `${alice.id}/notiz.txt`]
		);
		expect(rows[0].owner).toBe(alice.id);

		const aliceDelete = await alice.client.storage
			.from(rlsBucket)
			.remove([`${alice.id}/notiz.txt`]);
		expect(aliceDelete.data?.map((o) => o.name)).toEqual([`${alice.id}/notiz.txt`]);
	});

	it('checks the policies when signing an upload URL, then accepts the upload with the token', async () => {
		const alice = await userClient();
		const refused = await alice.client.storage
			.from(rlsBucket)
			.createSignedUploadUrl(`${crypto.randomUUID()}/fremd.pdf`);
		expect((refused.error as { status?: number } | null)?.status).toBe(403);
		const key = `${alice.id}/gross.pdf`;
		const { data, error } = await alice.client.storage.from(rlsBucket).createSignedUploadUrl(key);
		expect(error).toBeNull();
		// Anyone holding the token may upload this one object, e.g. the browser of an editor.
		const uploaded = await anon.storage
			.from(rlsBucket)
			.uploadToSignedUrl(key, data!.token, new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
		expect(uploaded.error).toBeNull();
		expect(uploaded.data?.fullPath).toBe(`${rlsBucket}/${key}`);
		const { rows } = await db.query(
			'select owner, metadata ->> $3 as mimetype from storage.objects where bucket_id = $1 and name = $2',
			[rlsBucket, key, 'mimetype']
		);
		expect(rows[0]).toEqual({ owner: alice.id, mimetype: 'application/pdf' });
		const elsewhere = await anon.storage
			.from(rlsBucket)
			.uploadToSignedUrl(`${alice.id}/anders.pdf`, data!.token, new Blob(['x']));
		expect((elsewhere.error as { status?: number } | null)?.status).toBe(400);
	});

	it('rejects forged and missing credentials with storage-shaped errors', async () => {
		const forged = await fetch(objectUrl(privateBucket, 'geheim.txt'), {
			headers: { apikey: anonKey, authorization: `Bearer ${serviceRoleKey.slice(0, -4)}AAAA` }
		});
		expect(forged.status).toBe(403);
		expect(await forged.json()).toMatchObject({ statusCode: '403', error: 'Unauthorized' });
		const missing = await fetch(objectUrl(privateBucket, 'geheim.txt'));
		expect(missing.status).toBe(401);
	});
});
