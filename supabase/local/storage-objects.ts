// Object primitives of the local Storage stand-in: rows as the caller sees them (RLS), serving
// the bytes, and streamed uploads whose row is written under the caller's policies.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import type pg from 'pg';
import { requestUrl } from './http.ts';
import { boundaryOf, readMultipart } from './multipart.ts';
import { findBucket, MAX_UPLOAD_BYTES } from './storage-buckets.ts';
import {
	type Caller,
	type StorageContext,
	asCaller,
	bucketNotFound,
	invalidRequest,
	notFound,
	ownerOf,
	storageError
} from './storage-common.ts';
import { sendObject, TooLargeError, type TempUpload } from './storage-files.ts';

export interface ObjectMetadata {
	eTag: string;
	size: number;
	mimetype: string;
	cacheControl: string;
	lastModified: string;
	contentLength: number;
	httpStatusCode: number;
}

export interface ObjectRow {
	id: string;
	bucket_id: string;
	name: string;
	owner: string | null;
	metadata: ObjectMetadata | null;
	user_metadata: Record<string, unknown> | null;
	created_at: Date;
	updated_at: Date;
	last_accessed_at: Date;
}

export const OBJECT_COLUMNS =
	'id, bucket_id, name, owner, metadata, user_metadata, created_at, updated_at, last_accessed_at';

export async function selectObject(
	client: pg.Pool | pg.PoolClient,
	bucket: string,
	key: string
): Promise<ObjectRow | null> {
	const { rows } = await client.query<ObjectRow>(
		`select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
		[bucket, key]
	);
	return rows[0] ?? null;
}

/** The object as the caller may see it (RLS), or 404. */
export async function visibleObject(
	ctx: StorageContext,
	caller: Caller,
	bucket: string,
	key: string
): Promise<ObjectRow> {
	const row = await asCaller(ctx, caller, (client) => selectObject(client, bucket, key));
	if (!row) throw notFound();
	return row;
}

export async function serve(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	row: ObjectRow
): Promise<void> {
	const query = requestUrl(req).searchParams;
	const meta = row.metadata;
	const sent = await sendObject(req, res, {
		file: ctx.files.pathOf(row.bucket_id, row.name),
		contentType: meta?.mimetype ?? 'application/octet-stream',
		cacheControl: meta?.cacheControl ?? 'no-cache',
		eTag: meta?.eTag ?? `"${row.id}"`,
		lastModified: meta?.lastModified ? new Date(meta.lastModified) : row.updated_at,
		downloadName: query.has('download') ? query.get('download') || basename(row.name) : null
	});
	if (!sent) throw notFound();
}

function normaliseCacheControl(value: string | undefined): string {
	if (!value) return 'no-cache';
	return /^\d+$/.test(value.trim()) ? `max-age=${value.trim()}` : value;
}

function parseUserMetadata(
	value: string | undefined,
	base64: boolean
): Record<string, unknown> | null {
	if (!value) return null;
	try {
		const parsed: unknown = JSON.parse(
			base64 ? Buffer.from(value, 'base64').toString('utf8') : value
		);
		if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
			return parsed as Record<string, unknown>;
		}
	} catch {
		// fall through
	}
	throw invalidRequest('metadata must be a JSON object');
}

function mimeAllowed(allowed: string[] | null, mimetype: string): boolean {
	if (!allowed || allowed.length === 0) return true;
	const type = mimetype.split(';')[0].trim().toLowerCase();
	return allowed.some((pattern) => {
		const p = pattern.toLowerCase();
		return p.endsWith('/*') ? type.startsWith(p.slice(0, -1)) : p === type;
	});
}

/** Streams the request body (raw or multipart as storage-js sends it) into a temp file. */
async function receive(
	req: IncomingMessage,
	temp: TempUpload
): Promise<{
	mimetype: string;
	cacheControl: string;
	userMetadata: Record<string, unknown> | null;
}> {
	const boundary = boundaryOf(req.headers['content-type']);
	if (boundary) {
		const form = await readMultipart(req, boundary, async () => temp);
		if (!form.file) throw invalidRequest('No file found in the form data');
		return {
			mimetype: form.file.contentType ?? 'application/octet-stream',
			cacheControl: normaliseCacheControl(form.fields.cacheControl),
			userMetadata: parseUserMetadata(form.fields.metadata, false)
		};
	}
	await temp.writeAll(req);
	const metadataHeader = req.headers['x-metadata'];
	return {
		mimetype: req.headers['content-type'] ?? 'application/octet-stream',
		cacheControl: normaliseCacheControl(req.headers['cache-control']),
		userMetadata: parseUserMetadata(
			Array.isArray(metadataHeader) ? metadataHeader[0] : metadataHeader,
			true
		)
	};
}

export async function upload(
	ctx: StorageContext,
	req: IncomingMessage,
	ref: { bucket: string; key: string },
	upsert: boolean,
	caller: Caller
): Promise<{ Id: string; Key: string }> {
	const bucket = await findBucket(ctx, ref.bucket);
	if (!bucket) throw bucketNotFound();
	const limit = Math.min(Number(bucket.file_size_limit ?? MAX_UPLOAD_BYTES), MAX_UPLOAD_BYTES);
	if (Number(req.headers['content-length'] ?? 0) > limit + 64 * 1024) throw new TooLargeError();
	const temp = await ctx.files.tempUpload(limit);
	try {
		const received = await receive(req, temp);
		if (!mimeAllowed(bucket.allowed_mime_types, received.mimetype)) {
			throw storageError(
				415,
				'InvalidMimeType',
				'invalid_mime_type',
				`mime type ${received.mimetype} is not supported`
			);
		}
		const metadata: ObjectMetadata = {
			eTag: temp.etag(),
			size: temp.size,
			mimetype: received.mimetype,
			cacheControl: received.cacheControl,
			lastModified: new Date().toISOString(),
			contentLength: temp.size,
			httpStatusCode: 200
		};
		// The id is chosen here so the insert needs no RETURNING (which would also demand a
		// select policy); an upsert keeps the existing row's id.
		const newId = randomUUID();
		await asCaller(ctx, caller, async (client) => {
			await client.query(
				`insert into storage.objects (id, bucket_id, name, owner, metadata, user_metadata)
				values ($1, $2, $3, $4, $5, $6)
				${
					upsert
						? `on conflict (bucket_id, name) do update set owner = excluded.owner,
							metadata = excluded.metadata, user_metadata = excluded.user_metadata,
							updated_at = now(), last_accessed_at = now()`
						: ''
				}`,
				[newId, ref.bucket, ref.key, ownerOf(caller), metadata, received.userMetadata]
			);
			// Move the bytes in place before the row commits, so a visible row has its file.
			await ctx.files.place(temp, ref.bucket, ref.key);
		});
		const row = upsert ? await selectObject(ctx.db, ref.bucket, ref.key) : null;
		return { Id: row?.id ?? newId, Key: `${ref.bucket}/${ref.key}` };
	} catch (error) {
		await temp.discard();
		throw error;
	}
}
