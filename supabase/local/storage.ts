// The subset of the Supabase Storage HTTP API the app uses, for local runs and tests. Object rows
// live in storage.objects and every query runs as the caller, so the project's RLS policies on
// storage.objects decide who may read, upload and delete, as in Supabase Storage.
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import type pg from 'pg';
import * as v from 'valibot';
import { HttpError, sendJson, type RouteHandler } from './http.ts';
import { MultipartError } from './multipart.ts';
import { findBucket, handleBuckets } from './storage-buckets.ts';
import {
	type StorageContext,
	asCaller,
	bucketNotFound,
	callerOf,
	checkBucketName,
	checkKey,
	invalidRequest,
	mapDbError,
	notFound,
	ownerOf,
	readStorageBody,
	storageError
} from './storage-common.ts';
import { FileStore, TooLargeError } from './storage-files.ts';
import {
	createUploadUrl,
	downloadSigned,
	signMany,
	signOne,
	uploadWithToken
} from './storage-signed.ts';
import {
	type ObjectRow,
	OBJECT_COLUMNS,
	selectObject,
	serve,
	upload,
	visibleObject
} from './storage-objects.ts';

export interface StorageHandlerOptions {
	/** Superuser pool; queries switch to the caller's role per transaction. */
	db: pg.Pool;
	jwtSecret: string;
	/** Directory for object bytes: `<root>/<bucket>/<key>`. */
	root: string;
	log?: (line: string) => void;
}

/** `path` is the part after `/storage/v1`, without the query string. */
export function createStorageHandler(opts: StorageHandlerOptions): RouteHandler {
	const ctx: StorageContext = {
		db: opts.db,
		jwtSecret: opts.jwtSecret,
		files: new FileStore(opts.root),
		log: opts.log ?? ((line) => console.log(line))
	};
	return async (req, res, path) => {
		try {
			await route(ctx, req, res, path);
		} catch (caught) {
			const error = mapDbError(caught);
			// Answer without reading the rest of a refused upload.
			if (!req.complete) req.resume();
			if (res.headersSent) {
				res.destroy();
			} else if (error instanceof HttpError) {
				sendJson(res, error.status, error.body);
			} else if (error instanceof TooLargeError) {
				sendJson(res, 413, {
					statusCode: '413',
					code: 'EntityTooLarge',
					error: 'Payload too large',
					message: 'The object exceeded the maximum allowed size'
				});
			} else if (error instanceof MultipartError) {
				sendJson(res, 400, {
					statusCode: '400',
					code: 'InvalidRequest',
					error: 'Bad Request',
					message: error.message
				});
			} else {
				ctx.log(`storage: ${req.method} ${path} failed: ${String(error)}`);
				sendJson(res, 500, {
					statusCode: '500',
					code: 'InternalError',
					error: 'Internal Server Error',
					message: 'Internal Server Error'
				});
			}
		}
	};
}

function splitPath(path: string): string[] {
	try {
		return path
			.split('/')
			.filter((part, index, all) => part !== '' || (index > 0 && index < all.length - 1))
			.map((part) => decodeURIComponent(part));
	} catch {
		throw storageError(400, 'InvalidKey', 'Invalid Key', 'Invalid percent-encoding in path');
	}
}

async function route(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	path: string
): Promise<void> {
	const parts = splitPath(path);
	const method = req.method ?? 'GET';
	const read = method === 'GET' || method === 'HEAD';
	if (parts[0] === 'bucket') return handleBuckets(ctx, req, res, parts.slice(1));
	if (parts[0] !== 'object' || parts.length < 2) {
		throw storageError(404, 'NotFound', 'Not Found', `Route ${method} ${path} not found`);
	}
	const [first, ...rest] = parts.slice(1);
	const objectRef = (segments: string[]): { bucket: string; key: string } => {
		if (segments.length < 2) throw invalidRequest('The path must be <bucket>/<key>');
		return { bucket: checkBucketName(segments[0]), key: checkKey(segments.slice(1).join('/')) };
	};
	if (first === 'public' && read) return downloadPublic(ctx, req, res, objectRef(rest));
	if (first === 'authenticated' && read) return download(ctx, req, res, objectRef(rest));
	if (first === 'sign' && read) return downloadSigned(ctx, req, res, objectRef(rest));
	if (first === 'sign' && method === 'POST') {
		return rest.length === 1
			? signMany(ctx, req, res, rest[0])
			: signOne(ctx, req, res, objectRef(rest));
	}
	if (first === 'upload' && rest[0] === 'sign') {
		const ref = objectRef(rest.slice(1));
		if (method === 'POST') return createUploadUrl(ctx, req, res, ref);
		if (method === 'PUT') return uploadWithToken(ctx, req, res, ref);
	}
	if (first === 'info' && method === 'GET') {
		const segments = rest[0] === 'authenticated' || rest[0] === 'public' ? rest.slice(1) : rest;
		return info(ctx, req, res, objectRef(segments));
	}
	if (first === 'list' && method === 'POST' && rest.length === 1) {
		return list(ctx, req, res, rest[0]);
	}
	if (first === 'move' && method === 'POST' && rest.length === 0) return move(ctx, req, res);
	if (first === 'copy' && method === 'POST' && rest.length === 0) return copy(ctx, req, res);
	if (rest.length === 0 && method === 'DELETE') return removeMany(ctx, req, res, first);
	const ref = objectRef([first, ...rest]);
	if (read) return download(ctx, req, res, ref);
	if (method === 'POST' || method === 'PUT') {
		// POST creates (x-upsert: true overwrites); PUT replaces, as storage-js' update() expects.
		const upsert = method === 'PUT' || req.headers['x-upsert'] === 'true';
		const result = await upload(ctx, req, ref, upsert, await callerOf(ctx, req));
		return sendJson(res, 200, result);
	}
	if (method === 'DELETE') return removeOne(ctx, req, res, ref);
	throw storageError(404, 'NotFound', 'Not Found', `Route ${method} ${path} not found`);
}

async function download(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	ref: { bucket: string; key: string }
): Promise<void> {
	const caller = await callerOf(ctx, req);
	await serve(ctx, req, res, await visibleObject(ctx, caller, ref.bucket, ref.key));
}

async function downloadPublic(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	ref: { bucket: string; key: string }
): Promise<void> {
	const bucket = await findBucket(ctx, ref.bucket);
	if (!bucket?.public) throw bucketNotFound();
	const row = await selectObject(ctx.db, ref.bucket, ref.key);
	if (!row) throw notFound();
	await serve(ctx, req, res, row);
}

function infoJson(row: ObjectRow): Record<string, unknown> {
	return {
		id: row.id,
		name: row.name,
		version: null,
		bucket_id: row.bucket_id,
		size: row.metadata?.size ?? null,
		content_type: row.metadata?.mimetype ?? null,
		cache_control: row.metadata?.cacheControl ?? null,
		etag: row.metadata?.eTag ?? null,
		metadata: row.user_metadata ?? {},
		last_modified: row.metadata?.lastModified ?? row.updated_at,
		created_at: row.created_at
	};
}

async function info(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	ref: { bucket: string; key: string }
): Promise<void> {
	const caller = await callerOf(ctx, req);
	sendJson(res, 200, infoJson(await visibleObject(ctx, caller, ref.bucket, ref.key)));
}

async function removeMany(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	bucket: string
): Promise<void> {
	const caller = await callerOf(ctx, req);
	const body = await readStorageBody(
		req,
		v.looseObject({
			prefixes: v.pipe(
				v.array(v.string(), 'prefixes must be strings'),
				v.minLength(1, 'prefixes must not be empty'),
				v.maxLength(1000, 'at most 1000 prefixes per request')
			)
		})
	);
	const rows = await asCaller(ctx, caller, async (client) => {
		const result = await client.query<ObjectRow>(
			`delete from storage.objects where bucket_id = $1 and name = any($2)
			returning ${OBJECT_COLUMNS}`,
			[bucket, body.prefixes]
		);
		return result.rows;
	});
	await Promise.all(rows.map((row) => ctx.files.remove(row.bucket_id, row.name)));
	sendJson(res, 200, rows);
}

async function removeOne(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	ref: { bucket: string; key: string }
): Promise<void> {
	const caller = await callerOf(ctx, req);
	const { rowCount } = await asCaller(ctx, caller, (client) =>
		client.query('delete from storage.objects where bucket_id = $1 and name = $2', [
			ref.bucket,
			ref.key
		])
	);
	if (!rowCount) throw notFound();
	await ctx.files.remove(ref.bucket, ref.key);
	sendJson(res, 200, { message: 'Successfully deleted' });
}

const ListSchema = v.looseObject({
	prefix: v.nullish(v.string()),
	limit: v.nullish(
		v.pipe(
			v.number(),
			v.integer('limit must be an integer'),
			v.minValue(1, 'limit must be at least 1')
		)
	),
	offset: v.nullish(
		v.pipe(
			v.number(),
			v.integer('offset must be an integer'),
			v.minValue(0, 'offset must not be negative')
		)
	),
	search: v.nullish(v.string()),
	sortBy: v.nullish(
		v.looseObject({
			column: v.nullish(v.picklist(['name', 'created_at', 'updated_at', 'last_accessed_at'])),
			order: v.nullish(v.pipe(v.string(), v.toLowerCase(), v.picklist(['asc', 'desc'])))
		})
	)
});

/** One folder level below `prefix`: files, plus sub-folders as entries with `id: null`. */
async function list(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	bucket: string
): Promise<void> {
	const caller = await callerOf(ctx, req);
	const body = await readStorageBody(req, ListSchema);
	const folder = (body.prefix ?? '').replace(/^\/+|\/+$/g, '');
	const prefix = folder ? `${folder}/` : '';
	const likePrefix = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
	const rows = await asCaller(ctx, caller, async (client) => {
		const result = await client.query<ObjectRow>(
			`select ${OBJECT_COLUMNS} from storage.objects
			where bucket_id = $1 and name like $2 || '%'`,
			[bucket, likePrefix]
		);
		return result.rows;
	});
	const search = (body.search ?? '').toLowerCase();
	const folders = new Map<string, Record<string, unknown>>();
	const files: Record<string, unknown>[] = [];
	for (const row of rows) {
		const rest = row.name.slice(prefix.length);
		const slash = rest.indexOf('/');
		const name = slash === -1 ? rest : rest.slice(0, slash);
		if (search && !name.toLowerCase().startsWith(search)) continue;
		if (slash !== -1) {
			folders.set(name, {
				name,
				id: null,
				updated_at: null,
				created_at: null,
				last_accessed_at: null,
				metadata: null
			});
		} else {
			files.push({
				name,
				id: row.id,
				updated_at: row.updated_at,
				created_at: row.created_at,
				last_accessed_at: row.last_accessed_at,
				metadata: row.metadata
			});
		}
	}
	const column = body.sortBy?.column ?? 'name';
	const direction = body.sortBy?.order === 'desc' ? -1 : 1;
	const key = (item: Record<string, unknown>): string => {
		const value = item[column];
		return value instanceof Date ? value.toISOString() : String(value ?? '');
	};
	const items = [...folders.values(), ...files].sort(
		(a, b) => direction * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)
	);
	const offset = body.offset ?? 0;
	sendJson(res, 200, items.slice(offset, offset + (body.limit ?? 100)));
}

const MoveSchema = v.looseObject({
	bucketId: v.string('bucketId is required'),
	sourceKey: v.string('sourceKey is required'),
	destinationKey: v.string('destinationKey is required'),
	destinationBucket: v.nullish(v.string())
});

async function move(ctx: StorageContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const caller = await callerOf(ctx, req);
	const body = await readStorageBody(req, MoveSchema);
	const target = body.destinationBucket ?? body.bucketId;
	const [source, destination] = [checkKey(body.sourceKey), checkKey(body.destinationKey)];
	if (!(await findBucket(ctx, target))) throw bucketNotFound();
	await asCaller(ctx, caller, async (client) => {
		const { rowCount } = await client.query(
			`update storage.objects set bucket_id = $3, name = $4, updated_at = now()
			where bucket_id = $1 and name = $2`,
			[body.bucketId, source, target, destination]
		);
		if (!rowCount) throw notFound();
		const to = ctx.files.pathOf(target, destination);
		await mkdir(dirname(to), { recursive: true });
		await rename(ctx.files.pathOf(body.bucketId, source), to);
	});
	sendJson(res, 200, { message: 'Successfully moved' });
}

async function copy(ctx: StorageContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const caller = await callerOf(ctx, req);
	const body = await readStorageBody(req, MoveSchema);
	const target = body.destinationBucket ?? body.bucketId;
	const [source, destination] = [checkKey(body.sourceKey), checkKey(body.destinationKey)];
	if (!(await findBucket(ctx, target))) throw bucketNotFound();
	const id = randomUUID();
	await asCaller(ctx, caller, async (client) => {
		const row = await selectObject(client, body.bucketId, source);
		if (!row) throw notFound();
		await client.query(
			`insert into storage.objects (id, bucket_id, name, owner, metadata, user_metadata)
			values ($1, $2, $3, $4, $5, $6)`,
			[id, target, destination, ownerOf(caller), row.metadata, row.user_metadata]
		);
		const to = ctx.files.pathOf(target, destination);
		await mkdir(dirname(to), { recursive: true });
		await copyFile(ctx.files.pathOf(body.bucketId, source), to);
	});
	sendJson(res, 200, { Id: id, Key: `${target}/${destination}` });
}
