// The one HTTP entry point of the local stack, standing in for Supabase's Kong gateway: checks the
// API key, answers CORS, proxies /rest/v1 to PostgREST and serves /auth/v1 and /storage/v1.
import {
	createServer,
	request as httpRequest,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type ServerResponse
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { createAuthHandler } from './auth.ts';
import { apiKeyOf, requestUrl, sendJson } from './http.ts';
import { verifyJwt } from './jwt.ts';
import { renderOutbox, type OutboxMail } from './outbox-page.ts';
import { createStorageHandler } from './storage.ts';

export interface GatewayOptions {
	host: string;
	/** 0 picks a free port (tests). */
	port: number;
	/** Where PostgREST listens, e.g. http://127.0.0.1:54330 */
	postgrestUrl: string;
	/** Superuser pool. */
	db: pg.Pool;
	jwtSecret: string;
	storageRoot: string;
	siteUrl: string;
	log?: (line: string) => void;
}

export interface Gateway {
	url: string;
	close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

const CORS_HEADERS: Record<string, string> = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
	'access-control-allow-headers': [
		'authorization',
		'apikey',
		'content-type',
		'x-client-info',
		'x-supabase-api-version',
		'prefer',
		'range',
		'accept-profile',
		'content-profile',
		'x-upsert',
		'cache-control',
		'accept',
		'x-metadata',
		'if-none-match',
		'if-range'
	].join(', '),
	'access-control-expose-headers':
		'content-range, content-length, content-type, etag, x-supabase-api-version, content-disposition, x-total-count, link',
	'access-control-max-age': '86400'
};

// Hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded by a proxy.
const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'proxy-authenticate',
	'proxy-authorization',
	'te',
	'trailer',
	'transfer-encoding',
	'upgrade',
	'host'
]);

/** Routes reachable without an API key: links in mails, public and signed file URLs. */
function isOpen(method: string, path: string): boolean {
	if (path === '/' || path === '/_outbox' || path === '/_outbox.json') return true;
	if (path === '/auth/v1/health') return true;
	const read = method === 'GET' || method === 'HEAD';
	if (read && path === '/auth/v1/verify') return true;
	return read && /^\/storage\/v1\/object\/(public|sign)\//.test(path);
}

async function apiKeyError(req: IncomingMessage, secret: string): Promise<object | null> {
	const key = apiKeyOf(req);
	if (!key) {
		return {
			message: 'No API key found in request',
			hint: 'No `apikey` request header or url param was found.'
		};
	}
	try {
		const { role } = await verifyJwt(secret, key);
		// Like Kong's consumers: only the anon and service_role keys are API keys.
		if (role === 'anon' || role === 'service_role') return null;
	} catch {
		// fall through
	}
	return {
		message: 'Invalid API key',
		hint: 'Double check your Supabase `anon` or `service_role` API key.'
	};
}

function proxyToPostgrest(
	upstream: URL,
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	log: (line: string) => void
): void {
	const incoming = requestUrl(req);
	// Kong's key-auth hides the credential from the upstream (hide_credentials).
	incoming.searchParams.delete('apikey');
	const target = new URL(upstream.toString());
	target.pathname = `${upstream.pathname.replace(/\/$/, '')}${path || '/'}`;
	target.search = incoming.search;
	const headers: IncomingHttpHeaders = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (!HOP_BY_HOP.has(name) && name !== 'apikey') headers[name] = value;
	}
	if (!headers.authorization) headers.authorization = `Bearer ${apiKeyOf(req)}`;
	const proxied = httpRequest(target, { method: req.method, headers }, (upstreamRes) => {
		const out: Record<string, string | string[]> = {};
		for (const [name, value] of Object.entries(upstreamRes.headers)) {
			if (value === undefined || HOP_BY_HOP.has(name) || name.startsWith('access-control-')) {
				continue;
			}
			out[name] = value;
		}
		res.writeHead(upstreamRes.statusCode ?? 502, out);
		upstreamRes.pipe(res);
		upstreamRes.on('error', () => res.destroy());
	});
	proxied.on('error', (error) => {
		log(`gateway: PostgREST request failed: ${error.message}`);
		if (!res.headersSent) {
			sendJson(res, 502, { message: 'An invalid response was received from the upstream server' });
		} else {
			res.destroy();
		}
	});
	res.on('close', () => {
		if (!res.writableFinished) proxied.destroy();
	});
	req.pipe(proxied);
}

async function latestMails(db: pg.Pool): Promise<OutboxMail[]> {
	const { rows } = await db.query<OutboxMail>(
		`select id, recipient, subject, body, link, otp, created_at from auth.outbox
		order by id desc limit 100`
	);
	return rows;
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
	const log = opts.log ?? ((line: string) => console.log(line));
	const upstream = new URL(opts.postgrestUrl);
	let routes: { auth: Handler; storage: Handler } | null = null;

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
		const method = req.method ?? 'GET';
		if (method === 'OPTIONS') {
			res.writeHead(204, { 'content-length': 0 });
			res.end();
			return;
		}
		const path = requestUrl(req).pathname;
		if (!routes) return sendJson(res, 503, { message: 'Gateway is starting' });
		if (!isOpen(method, path)) {
			const problem = await apiKeyError(req, opts.jwtSecret);
			if (problem) return sendJson(res, 401, problem);
		}
		// Like Kong's request-transformer: without a user token the API key is the bearer.
		if (!req.headers.authorization && apiKeyOf(req)) {
			req.headers.authorization = `Bearer ${apiKeyOf(req)}`;
		}
		const prefixed = (prefix: string): string | null =>
			path === prefix ? '' : path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : null;
		const rest = prefixed('/rest/v1');
		if (rest !== null) return proxyToPostgrest(upstream, req, res, rest, log);
		const auth = prefixed('/auth/v1');
		if (auth !== null) return routes.auth(req, res, auth);
		const storage = prefixed('/storage/v1');
		if (storage !== null) return routes.storage(req, res, storage);
		if (path === '/_outbox.json' && (method === 'GET' || method === 'HEAD')) {
			return sendJson(res, 200, await latestMails(opts.db));
		}
		if (path === '/_outbox' && (method === 'GET' || method === 'HEAD')) {
			const html = renderOutbox(await latestMails(opts.db));
			res.writeHead(200, {
				'content-type': 'text/html; charset=utf-8',
				'content-length': Buffer.byteLength(html),
				'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'"
			});
			res.end(method === 'HEAD' ? undefined : html);
			return;
		}
		if (path === '/') {
			return sendJson(res, 200, {
				name: 'Local Supabase-compatible stack',
				rest: '/rest/v1',
				auth: '/auth/v1',
				storage: '/storage/v1',
				outbox: '/_outbox'
			});
		}
		sendJson(res, 404, { message: 'no Route matched with those values' });
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			log(`gateway: ${req.method} ${req.url} failed: ${String(error)}`);
			if (!res.headersSent) sendJson(res, 500, { message: 'Internal gateway error' });
			else res.destroy();
		});
	});

	await new Promise<void>((resolve, reject) => {
		const onError = (error: NodeJS.ErrnoException): void => {
			reject(
				error.code === 'EADDRINUSE'
					? new Error(
							`Port ${opts.port} is already in use (another stack running?). Stop it or set SUPABASE_API_PORT.`
						)
					: error
			);
		};
		server.once('error', onError);
		server.listen(opts.port, opts.host, () => {
			server.off('error', onError);
			resolve();
		});
	});

	const { port } = server.address() as AddressInfo;
	const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	routes = {
		auth: createAuthHandler({
			db: opts.db,
			jwtSecret: opts.jwtSecret,
			siteUrl: opts.siteUrl,
			apiUrl: url,
			log
		}),
		storage: createStorageHandler({
			db: opts.db,
			jwtSecret: opts.jwtSecret,
			root: opts.storageRoot,
			log
		})
	};

	return {
		url,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			})
	};
}
