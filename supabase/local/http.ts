// Small HTTP helpers shared by the local gateway, auth and storage handlers.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error that already knows its HTTP status and JSON body (auth- or storage-shaped). */
/** A handler for one API prefix; `path` is the part after the prefix, without the query string. */
export type RouteHandler = (
	req: IncomingMessage,
	res: ServerResponse,
	path: string
) => Promise<void>;

export class HttpError extends Error {
	status: number;
	body: unknown;
	constructor(status: number, body: unknown, message?: string) {
		super(message ?? `HTTP ${status}`);
		this.status = status;
		this.body = body;
	}
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		...headers,
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text)
	});
	res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
	res.writeHead(status);
	res.end();
}

export function redirect(res: ServerResponse, location: string, status = 303): void {
	res.writeHead(status, { location, 'content-length': 0 });
	res.end();
}

/** Reads the whole body, refusing bodies larger than `limit` bytes (JSON requests only). */
export async function readBody(
	req: IncomingMessage,
	limit: number,
	tooLarge: () => HttpError
): Promise<Buffer> {
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > limit) throw tooLarge();
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > limit) throw tooLarge();
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/**
 * Parses a JSON request body. An empty body counts as `{}` (auth-js and storage-js send bodies
 * on every POST, but curl users often do not); invalid JSON becomes the caller's error.
 */
export async function readJson(
	req: IncomingMessage,
	errors: { invalid: (detail: string) => HttpError; tooLarge: () => HttpError },
	limit = 1024 * 1024
): Promise<unknown> {
	const raw = (await readBody(req, limit, errors.tooLarge)).toString('utf8').trim();
	if (raw === '') return {};
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw errors.invalid(error instanceof Error ? error.message : String(error));
	}
}

export function bearerToken(req: IncomingMessage): string | null {
	const header = req.headers.authorization;
	if (!header) return null;
	const match = /^bearer\s+(\S+)\s*$/i.exec(header);
	return match ? match[1] : null;
}

export function requestUrl(req: IncomingMessage): URL {
	return new URL(req.url ?? '/', 'http://local');
}

/** The API key from the `apikey` header or `?apikey=` query parameter. */
export function apiKeyOf(req: IncomingMessage): string | null {
	const header = req.headers.apikey;
	const value = Array.isArray(header) ? header[0] : header;
	return value || requestUrl(req).searchParams.get('apikey') || null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
