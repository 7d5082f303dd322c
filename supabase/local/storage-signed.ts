// Signed URLs of the local Storage stand-in: download links (JWT `{ url }` signed with the project
// secret) and upload URLs whose policies are checked when they are created.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { requestUrl, sendJson } from './http.ts';
import { signJwt, verifyJwt } from './jwt.ts';
import { findBucket } from './storage-buckets.ts';
import {
	type StorageContext,
	asCaller,
	bucketNotFound,
	callerOf,
	invalidRequest,
	notFound,
	ownerOf,
	readStorageBody,
	storageError
} from './storage-common.ts';
import { selectObject, serve, upload, visibleObject } from './storage-objects.ts';

export async function downloadSigned(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	ref: { bucket: string; key: string }
): Promise<void> {
	const token = requestUrl(req).searchParams.get('token');
	if (!token) throw invalidRequest("querystring must have required property 'token'");
	let url: unknown;
	try {
		url = (await verifyJwt(ctx.jwtSecret, token)).url;
	} catch (error) {
		throw storageError(400, 'InvalidJWT', 'InvalidJWT', (error as Error).message);
	}
	if (url !== `${ref.bucket}/${ref.key}`) {
		throw storageError(
			400,
			'InvalidSignature',
			'InvalidSignature',
			'The url does not match the token'
		);
	}
	const row = await selectObject(ctx.db, ref.bucket, ref.key);
	if (!row) throw notFound();
	await serve(ctx, req, res, row);
}

async function signedPath(ctx: StorageContext, bucket: string, key: string, expiresIn: number) {
	const iat = Math.floor(Date.now() / 1000);
	const token = await signJwt(ctx.jwtSecret, {
		url: `${bucket}/${key}`,
		iat,
		exp: iat + expiresIn
	});
	return `/object/sign/${bucket}/${key}?token=${token}`;
}

const ExpiresIn = v.pipe(
	v.number('expiresIn must be a number of seconds'),
	v.integer('expiresIn must be an integer'),
	v.minValue(1, 'expiresIn must be at least 1')
);

export async function signOne(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	ref: { bucket: string; key: string }
): Promise<void> {
	const caller = await callerOf(ctx, req);
	const body = await readStorageBody(req, v.looseObject({ expiresIn: ExpiresIn }));
	await visibleObject(ctx, caller, ref.bucket, ref.key);
	sendJson(res, 200, { signedURL: await signedPath(ctx, ref.bucket, ref.key, body.expiresIn) });
}

export async function signMany(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	bucket: string
): Promise<void> {
	const caller = await callerOf(ctx, req);
	const body = await readStorageBody(
		req,
		v.looseObject({ expiresIn: ExpiresIn, paths: v.array(v.string(), 'paths must be strings') })
	);
	const visible = await asCaller(ctx, caller, async (client) => {
		const { rows } = await client.query<{ name: string }>(
			'select name from storage.objects where bucket_id = $1 and name = any($2)',
			[bucket, body.paths]
		);
		return new Set(rows.map((row) => row.name));
	});
	const results = await Promise.all(
		body.paths.map(async (path) => ({
			error: visible.has(path)
				? null
				: 'Either the object does not exist or you do not have access to it',
			path,
			signedURL: visible.has(path) ? await signedPath(ctx, bucket, path, body.expiresIn) : null
		}))
	);
	sendJson(res, 200, results);
}

const UPLOAD_URL_SECONDS = 2 * 60 * 60;

/**
 * createSignedUploadUrl(): checks now, with a rolled-back insert, that the caller's policies allow
 * the upload, then hands out a token for one later upload without further credentials.
 */
export async function createUploadUrl(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	ref: { bucket: string; key: string }
): Promise<void> {
	const caller = await callerOf(ctx, req);
	const upsert = req.headers['x-upsert'] === 'true';
	if (!(await findBucket(ctx, ref.bucket))) throw bucketNotFound();
	await asCaller(ctx, caller, async (client) => {
		await client.query('savepoint dry_run');
		await client.query(
			`insert into storage.objects (id, bucket_id, name, owner) values ($1, $2, $3, $4)
			${upsert ? 'on conflict (bucket_id, name) do update set updated_at = now()' : ''}`,
			[randomUUID(), ref.bucket, ref.key, ownerOf(caller)]
		);
		await client.query('rollback to savepoint dry_run');
	});
	const iat = Math.floor(Date.now() / 1000);
	const token = await signJwt(ctx.jwtSecret, {
		url: `${ref.bucket}/${ref.key}`,
		owner: ownerOf(caller) ?? undefined,
		upsert,
		iat,
		exp: iat + UPLOAD_URL_SECONDS
	});
	sendJson(res, 200, {
		url: `/object/upload/sign/${ref.bucket}/${ref.key}?token=${token}`,
		token
	});
}

export async function uploadWithToken(
	ctx: StorageContext,
	req: IncomingMessage,
	res: ServerResponse,
	ref: { bucket: string; key: string }
): Promise<void> {
	const token = requestUrl(req).searchParams.get('token');
	if (!token) throw invalidRequest("querystring must have required property 'token'");
	let claims: Record<string, unknown>;
	try {
		claims = await verifyJwt(ctx.jwtSecret, token);
	} catch (error) {
		throw storageError(400, 'InvalidJWT', 'InvalidJWT', (error as Error).message);
	}
	if (claims.url !== `${ref.bucket}/${ref.key}`) {
		throw storageError(
			400,
			'InvalidSignature',
			'InvalidSignature',
			'The url does not match the token'
		);
	}
	// The policies were checked when the URL was signed; the upload itself runs privileged with
	// the signer as owner, as in Supabase Storage.
	const owner = typeof claims.owner === 'string' ? claims.owner : undefined;
	const result = await upload(ctx, req, ref, claims.upsert === true, {
		role: 'service_role',
		claims: { role: 'service_role', sub: owner }
	});
	sendJson(res, 200, result);
}
