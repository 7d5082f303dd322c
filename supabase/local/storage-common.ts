// Shared pieces of the local Storage stand-in: storage-shaped errors, the caller's JWT, and
// running queries as that caller so the RLS policies on storage.* decide, as in Supabase Storage.
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import * as v from 'valibot';
import { HttpError, apiKeyOf, bearerToken, isPlainObject, readJson } from './http.ts';
import { type JwtClaims, verifyJwt } from './jwt.ts';
import type { FileStore } from './storage-files.ts';

export interface StorageContext {
	db: pg.Pool;
	jwtSecret: string;
	files: FileStore;
	log: (line: string) => void;
}

export type ApiRole = 'anon' | 'authenticated' | 'service_role';

export interface Caller {
	role: ApiRole;
	claims: JwtClaims;
}

/** Storage API error body: `{ statusCode, code, error, message }`. */
export function storageError(
	status: number,
	code: string,
	error: string,
	message: string
): HttpError {
	return new HttpError(status, { statusCode: String(status), code, error, message }, message);
}

export const notFound = (): HttpError =>
	storageError(404, 'NoSuchKey', 'not_found', 'Object not found');
export const bucketNotFound = (): HttpError =>
	storageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found');
export const invalidRequest = (message: string): HttpError =>
	storageError(400, 'InvalidRequest', 'Bad Request', message);

/**
 * The caller's identity: the user's access token (Authorization) or, without one, the API key.
 * The role claim becomes the Postgres role; anything but the three API roles is refused.
 */
export async function callerOf(ctx: StorageContext, req: IncomingMessage): Promise<Caller> {
	const token = bearerToken(req) ?? apiKeyOf(req);
	if (!token) {
		throw storageError(
			400,
			'InvalidRequest',
			'Bad Request',
			"headers must have required property 'authorization'"
		);
	}
	let claims: JwtClaims;
	try {
		claims = await verifyJwt(ctx.jwtSecret, token);
	} catch (error) {
		throw storageError(403, 'InvalidJWT', 'Unauthorized', (error as Error).message);
	}
	const role = claims.role;
	if (role !== 'anon' && role !== 'authenticated' && role !== 'service_role') {
		throw storageError(403, 'InvalidJWT', 'Unauthorized', `role ${String(role)} is not allowed`);
	}
	return { role, claims };
}

export function ownerOf(caller: Caller): string | null {
	const sub = caller.claims.sub;
	return sub && /^[0-9a-f-]{36}$/i.test(sub) ? sub : null;
}

/**
 * Runs `work` in a transaction as the caller's role with its claims, exactly like PostgREST and
 * Supabase Storage do, so `auth.uid()` works in policies and service_role bypasses RLS.
 */
export async function asCaller<T>(
	ctx: StorageContext,
	caller: Caller,
	work: (client: pg.PoolClient) => Promise<T>
): Promise<T> {
	const client = await ctx.db.connect();
	try {
		await client.query('begin');
		await client.query(
			"select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
			[caller.role, JSON.stringify(caller.claims)]
		);
		const result = await work(client);
		await client.query('commit');
		return result;
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}

/** Maps Postgres errors raised under RLS to what Supabase Storage answers. */
export function mapDbError(error: unknown): unknown {
	const code = (error as { code?: string }).code;
	const message = (error as { message?: string }).message ?? 'database error';
	if (code === '42501') return storageError(403, 'AccessDenied', 'Unauthorized', message);
	if (code === '23505') {
		return storageError(409, 'Duplicate', 'Duplicate', 'The resource already exists');
	}
	if (code === '23503') return bucketNotFound();
	return error;
}

// Same rule as Supabase Storage (storage/src/storage/limits.ts): ASCII word characters and a
// few safe symbols. Umlauts are rejected there too, so uploads that work locally work hosted.
const KEY_PATTERN = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;

export function checkKey(key: string): string {
	const segments = key.split('/');
	if (
		key.length === 0 ||
		key.length > 1024 ||
		!KEY_PATTERN.test(key) ||
		segments.some((part) => part === '' || part === '.' || part === '..')
	) {
		throw storageError(400, 'InvalidKey', 'Invalid Key', `Invalid key: ${key}`);
	}
	return key;
}

export function checkBucketName(name: string): string {
	if (
		name.length === 0 ||
		name.length > 100 ||
		name.trim() !== name ||
		name.startsWith('.') ||
		!/^[\w!.*'() &$@=;:+,?-]+$/.test(name)
	) {
		throw storageError(400, 'InvalidBucketName', 'Invalid Input', `Bucket name invalid: ${name}`);
	}
	return name;
}

const JSON_ERRORS = {
	invalid: (detail: string) => invalidRequest(`Body is not valid JSON: ${detail}`),
	tooLarge: () => storageError(413, 'EntityTooLarge', 'Payload too large', 'Request body too large')
};

/** Reads and validates a JSON body; problems become 400s with a readable message. */
export async function readStorageBody<S extends v.GenericSchema>(
	req: IncomingMessage,
	schema: S
): Promise<v.InferOutput<S>> {
	const body = await readJson(req, JSON_ERRORS);
	if (!isPlainObject(body)) throw invalidRequest('Body must be a JSON object');
	const result = v.safeParse(schema, body);
	if (!result.success) {
		const issue = result.issues[0];
		// Type errors name the field; validation messages are written to stand alone.
		const path = issue.kind === 'schema' ? v.getDotPath(issue) : null;
		throw invalidRequest(path ? `${path}: ${issue.message}` : issue.message);
	}
	return result.output;
}
