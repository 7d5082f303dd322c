// Bucket routes of the local Storage stand-in (/bucket…), run as the caller under RLS.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { requestUrl, sendJson } from './http.ts';
import {
	type StorageContext,
	asCaller,
	bucketNotFound,
	callerOf,
	checkBucketName,
	invalidRequest,
	ownerOf,
	readStorageBody,
	storageError
} from './storage-common.ts';

/** Upper bound for any upload, like the Supabase CLI's default `file_size_limit = "50MiB"`. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface BucketRow {
	id: string;
	name: string;
	owner: string | null;
	public: boolean;
	file_size_limit: string | null;
	allowed_mime_types: string[] | null;
	created_at: Date;
	updated_at: Date;
}

export function bucketJson(row: BucketRow): Record<string, unknown> {
	return {
		id: row.id,
		name: row.name,
		owner: row.owner ?? '',
		public: row.public,
		type: 'STANDARD',
		file_size_limit: row.file_size_limit === null ? null : Number(row.file_size_limit),
		allowed_mime_types: row.allowed_mime_types,
		created_at: row.created_at,
		updated_at: row.updated_at
	};
}

const BUCKET_COLUMNS =
	'id, name, owner, public, file_size_limit, allowed_mime_types, created_at, updated_at';

/** Bucket lookup without RLS, as Supabase Storage does before object operations. */
export async function findBucket(ctx: StorageContext, id: string): Promise<BucketRow | null> {
	const { rows } = await ctx.db.query<BucketRow>(
		`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`,
		[id]
	);
	return rows[0] ?? null;
}

/** `fileSizeLimit` as storage-js sends it: bytes, or a string such as "20MB" / "1.5GB". */
function parseSizeLimit(value: number | string | null | undefined): number | null | undefined {
	if (value === undefined || value === null) return value;
	if (typeof value === 'number') return value > 0 ? Math.floor(value) : null;
	const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$/i.exec(value);
	if (!match) throw invalidRequest(`file_size_limit: cannot parse "${value}"`);
	const factor: Record<string, number> = {
		b: 1,
		kb: 1000,
		kib: 1024,
		mb: 1000 ** 2,
		mib: 1024 ** 2,
		gb: 1000 ** 3,
		gib: 1024 ** 3
	};
	return Math.floor(Number(match[1]) * factor[(match[2] ?? 'b').toLowerCase()]);
}

const BucketSchema = v.looseObject({
	id: v.nullish(v.string()),
	name: v.nullish(v.string()),
	public: v.nullish(v.boolean('must be a boolean')),
	file_size_limit: v.nullish(v.union([v.number(), v.string()], 'must be a number or size string')),
	allowed_mime_types: v.nullish(v.array(v.string(), 'must be an array of strings'))
});

export async function handleBuckets(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	parts: string[]
): Promise<void> {
	const method = req.method ?? 'GET';
	const caller = await callerOf(ctx, req);
	const id = parts[0];
	if (!id && method === 'GET') {
		const query = requestUrl(req).searchParams;
		const sortColumn = ['id', 'name', 'created_at', 'updated_at'].includes(
			query.get('sortColumn') ?? ''
		)
			? query.get('sortColumn')
			: 'name';
		const order = query.get('sortOrder')?.toLowerCase() === 'desc' ? 'desc' : 'asc';
		const rows = await asCaller(ctx, caller, async (client) => {
			const result = await client.query<BucketRow>(
				`select ${BUCKET_COLUMNS} from storage.buckets
				where $1::text is null or name ilike '%' || $1 || '%'
				order by ${sortColumn} ${order} limit $2 offset $3`,
				[
					query.get('search') || null,
					Number(query.get('limit')) || null,
					Number(query.get('offset')) || 0
				]
			);
			return result.rows;
		});
		return sendJson(res, 200, rows.map(bucketJson));
	}
	if (!id && method === 'POST') {
		const body = await readStorageBody(req, BucketSchema);
		const name = checkBucketName(body.name ?? body.id ?? '');
		const bucketId = checkBucketName(body.id ?? name);
		await asCaller(ctx, caller, (client) =>
			client.query(
				`insert into storage.buckets (id, name, owner, public, file_size_limit, allowed_mime_types)
				values ($1, $2, $3, $4, $5, $6)`,
				[
					bucketId,
					name,
					ownerOf(caller),
					body.public ?? false,
					parseSizeLimit(body.file_size_limit) ?? null,
					body.allowed_mime_types ?? null
				]
			)
		).catch((error: { code?: string }) => {
			if (error.code === '23505') {
				throw storageError(409, 'BucketAlreadyExists', 'Duplicate', 'The resource already exists');
			}
			throw error;
		});
		return sendJson(res, 200, { name: bucketId });
	}
	if (id && parts.length === 1 && method === 'GET') {
		const rows = await asCaller(ctx, caller, async (client) => {
			const result = await client.query<BucketRow>(
				`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`,
				[id]
			);
			return result.rows;
		});
		if (!rows[0]) throw bucketNotFound();
		return sendJson(res, 200, bucketJson(rows[0]));
	}
	if (id && parts.length === 1 && method === 'PUT') {
		const body = await readStorageBody(req, BucketSchema);
		const limit = parseSizeLimit(body.file_size_limit);
		// No RETURNING: that would demand a select policy on buckets as well.
		const { rowCount } = await asCaller(ctx, caller, (client) =>
			client.query(
				`update storage.buckets set
					public = coalesce($2, public),
					file_size_limit = case when $3 then $4 else file_size_limit end,
					allowed_mime_types = case when $5 then $6 else allowed_mime_types end,
					updated_at = now()
				where id = $1`,
				[
					id,
					body.public ?? null,
					limit !== undefined,
					limit ?? null,
					body.allowed_mime_types !== undefined,
					body.allowed_mime_types ?? null
				]
			)
		);
		if (!rowCount) throw bucketNotFound();
		return sendJson(res, 200, { message: 'Successfully updated' });
	}
	if (id && parts.length === 2 && parts[1] === 'empty' && method === 'POST') {
		if (!(await findBucket(ctx, id))) throw bucketNotFound();
		const names = await asCaller(ctx, caller, async (client) => {
			const result = await client.query<{ name: string }>(
				'delete from storage.objects where bucket_id = $1 returning name',
				[id]
			);
			return result.rows.map((row) => row.name);
		});
		await Promise.all(names.map((name) => ctx.files.remove(id, name)));
		return sendJson(res, 200, { message: 'Successfully emptied' });
	}
	if (id && parts.length === 1 && method === 'DELETE') {
		const { rowCount: objects } = await ctx.db.query(
			'select 1 from storage.objects where bucket_id = $1 limit 1',
			[id]
		);
		if (objects) {
			throw storageError(409, 'InvalidRequest', 'Bucket not empty', 'Bucket not empty');
		}
		const { rowCount } = await asCaller(ctx, caller, (client) =>
			client.query('delete from storage.buckets where id = $1', [id])
		);
		if (!rowCount) throw bucketNotFound();
		await ctx.files.removeBucket(id);
		return sendJson(res, 200, { message: 'Successfully deleted' });
	}
	throw storageError(
		404,
		'NotFound',
		'Not Found',
		`Route ${method} /bucket/${parts.join('/')} not found`
	);
}
