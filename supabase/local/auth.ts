// The subset of the Supabase Auth (GoTrue) HTTP API the app uses, for local runs and tests.
// Request and response shapes follow what @supabase/auth-js sends and parses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import * as v from 'valibot';
import { handleAdmin, handleInvite } from './auth-admin.ts';
import { composeMail, storeMail } from './auth-mail.ts';
import {
	type AuthContext,
	type ConsumedOtp,
	type UserRow,
	authError,
	checkPassword,
	consumeOtp,
	createFlowState,
	EmailSchema,
	exchangeAuthCode,
	findUserByEmail,
	findUserById,
	insertUser,
	isBanned,
	issueOtp,
	issueSession,
	mergeMetadata,
	MetadataSchema,
	OptionalString,
	readAuthBody,
	refreshSession,
	tokenTypesFor,
	USER_COLUMNS,
	userJson
} from './auth-session.ts';
import {
	HttpError,
	bearerToken,
	redirect,
	requestUrl,
	sendEmpty,
	sendJson,
	type RouteHandler
} from './http.ts';
import { type JwtClaims, verifyJwt } from './jwt.ts';

export interface AuthHandlerOptions {
	/** Superuser pool; the auth schema is not exposed to the API roles. */
	db: pg.Pool;
	jwtSecret: string;
	/** Where links redirect when no (allowed) redirect_to is given, like GoTrue's SITE_URL. */
	siteUrl: string;
	/** Public URL of the gateway, for links in mails. */
	apiUrl: string;
	log?: (line: string) => void;
}

/** `path` is the part after `/auth/v1`, without the query string. */
export function createAuthHandler(opts: AuthHandlerOptions): RouteHandler {
	const ctx: AuthContext = {
		db: opts.db,
		jwtSecret: opts.jwtSecret,
		siteUrl: opts.siteUrl,
		apiUrl: opts.apiUrl.replace(/\/+$/, ''),
		log: opts.log ?? ((line) => console.log(line))
	};
	return async (req, res, path) => {
		try {
			await route(ctx, req, res, path);
		} catch (error) {
			if (res.headersSent) {
				res.destroy();
			} else if (error instanceof HttpError) {
				sendJson(res, error.status, error.body);
			} else {
				ctx.log(`auth: ${req.method} ${path} failed: ${String(error)}`);
				sendJson(res, 500, { code: 500, error_code: 'unexpected_failure', msg: 'Internal error' });
			}
		}
	};
}

async function route(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse,
	path: string
): Promise<void> {
	const key = `${req.method} ${path.replace(/\/+$/, '') || '/'}`;
	if (path.startsWith('/admin/')) return handleAdmin(ctx, req, res, path);
	switch (key) {
		case 'GET /health':
			return sendJson(res, 200, {
				version: 'local',
				name: 'GoTrue',
				description: 'Local stand-in for Supabase Auth'
			});
		case 'GET /settings':
			return sendJson(res, 200, SETTINGS);
		case 'GET /.well-known/jwks.json':
			// HS256 only: there is no public key to publish.
			return sendJson(res, 200, { keys: [] });
		case 'POST /signup':
			return signup(ctx, req, res);
		case 'POST /token':
			return token(ctx, req, res);
		case 'POST /otp':
		case 'POST /magiclink':
			return otp(ctx, req, res);
		case 'POST /recover':
			return recover(ctx, req, res);
		case 'GET /verify':
			return verifyLink(ctx, req, res);
		case 'POST /verify':
			return verifyCode(ctx, req, res);
		case 'GET /user': {
			const { user } = await requireUser(ctx, req);
			return sendJson(res, 200, userJson(user));
		}
		case 'PUT /user':
			return updateUser(ctx, req, res);
		case 'POST /logout':
			return logout(ctx, req, res);
		case 'POST /invite':
			return handleInvite(ctx, req, res);
	}
	throw authError(404, 'not_found', `Not found: ${req.method} /auth/v1${path}`);
}

const SETTINGS = {
	external: {
		anonymous_users: false,
		email: true,
		phone: false,
		apple: false,
		azure: false,
		github: false,
		gitlab: false,
		google: false,
		keycloak: false
	},
	disable_signup: false,
	mailer_autoconfirm: true,
	phone_autoconfirm: false,
	sms_provider: '',
	saml_enabled: false
};

/**
 * GoTrue only redirects to the site URL or allow-listed URLs. Locally any loopback URL is
 * allowed too (apps run on changing ports); anything else falls back to the site URL.
 */
function allowedRedirect(ctx: AuthContext, candidate: string | null | undefined): string {
	if (!candidate) return ctx.siteUrl;
	try {
		const url = new URL(candidate);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return ctx.siteUrl;
		if (url.origin === new URL(ctx.siteUrl).origin) return url.toString();
		if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return url.toString();
	} catch {
		// not a URL
	}
	return ctx.siteUrl;
}

function redirectQuery(req: IncomingMessage): string | null {
	return requestUrl(req).searchParams.get('redirect_to');
}

export async function requireUser(
	ctx: AuthContext,
	req: IncomingMessage
): Promise<{ user: UserRow; claims: JwtClaims }> {
	const jwt = bearerToken(req);
	if (!jwt) throw authError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
	let claims: JwtClaims;
	try {
		claims = await verifyJwt(ctx.jwtSecret, jwt);
	} catch (error) {
		throw authError(
			403,
			'bad_jwt',
			`invalid JWT: unable to parse or verify signature, ${(error as Error).message}`
		);
	}
	if (!claims.sub) throw authError(403, 'bad_jwt', 'invalid claim: missing sub claim');
	const user = await findUserById(ctx.db, claims.sub);
	if (!user) throw authError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
	if (claims.session_id) {
		const { rowCount } = await ctx.db.query('select 1 from auth.sessions where id = $1', [
			claims.session_id
		]);
		if (!rowCount) {
			throw authError(
				403,
				'session_not_found',
				'Session from session_id claim in JWT does not exist'
			);
		}
	}
	return { user, claims };
}

const PkceFields = {
	code_challenge: OptionalString,
	code_challenge_method: v.nullish(
		v.pipe(v.string(), v.toLowerCase(), v.picklist(['s256', 'plain'], 'must be s256 or plain'))
	)
};

function pkceOf(body: {
	code_challenge?: string | null;
	code_challenge_method?: string | null;
}): { challenge: string; method: string } | null {
	const challenge = body.code_challenge || null;
	const method = body.code_challenge_method || null;
	if (!challenge && !method) return null;
	if (!challenge || !method) {
		throw authError(
			400,
			'validation_failed',
			'PKCE flow requires code_challenge_method and code_challenge'
		);
	}
	return { challenge, method };
}

const SignupSchema = v.looseObject({
	email: v.nullish(EmailSchema),
	phone: OptionalString,
	password: OptionalString,
	data: MetadataSchema,
	...PkceFields
});

async function signup(ctx: AuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const body = await readAuthBody(req, SignupSchema);
	if (!body.email && body.phone) {
		throw authError(422, 'phone_provider_disabled', 'Phone signups are disabled');
	}
	if (!body.email) {
		throw authError(422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
	}
	if (!body.password) throw authError(422, 'validation_failed', 'Signup requires a valid password');
	checkPassword(body.password);
	pkceOf(body);
	if (await findUserByEmail(ctx.db, body.email)) {
		throw authError(422, 'user_already_exists', 'User already registered');
	}
	// Like `supabase start` with email confirmations off: confirmed at once, session returned.
	// user_metadata comes from `data`; app_metadata can only be set through the admin API.
	const user = await insertUser(ctx.db, {
		email: body.email,
		password: body.password,
		confirmed: true,
		userMetadata: body.data
	});
	sendJson(res, 200, await issueSession(ctx, user.id, 'password'));
}

const PasswordGrantSchema = v.looseObject({
	email: v.nullish(EmailSchema),
	phone: OptionalString,
	password: v.string('password: a password is required')
});
const RefreshGrantSchema = v.looseObject({
	refresh_token: v.pipe(
		v.string('refresh_token is required'),
		v.nonEmpty('refresh_token is required')
	)
});
const PkceGrantSchema = v.looseObject({
	auth_code: v.pipe(v.string('auth_code is required'), v.nonEmpty('auth_code is required')),
	code_verifier: v.pipe(
		v.string('code_verifier is required'),
		v.nonEmpty('code_verifier is required')
	)
});

async function token(ctx: AuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const grantType = requestUrl(req).searchParams.get('grant_type');
	if (grantType === 'password') {
		const body = await readAuthBody(req, PasswordGrantSchema);
		if (!body.email) throw authError(400, 'invalid_credentials', 'Invalid login credentials');
		const { rows } = await ctx.db.query<UserRow>(
			`select ${USER_COLUMNS} from auth.users
			where lower(email) = lower($1) and deleted_at is null and encrypted_password is not null
				and encrypted_password = extensions.crypt($2, encrypted_password)`,
			[body.email, body.password]
		);
		const user = rows[0];
		if (!user) throw authError(400, 'invalid_credentials', 'Invalid login credentials');
		if (!user.email_confirmed_at)
			throw authError(400, 'email_not_confirmed', 'Email not confirmed');
		if (isBanned(user)) throw authError(400, 'user_banned', 'User is banned');
		return sendJson(res, 200, await issueSession(ctx, user.id, 'password'));
	}
	if (grantType === 'refresh_token') {
		const body = await readAuthBody(req, RefreshGrantSchema);
		return sendJson(res, 200, await refreshSession(ctx, body.refresh_token));
	}
	if (grantType === 'pkce') {
		const body = await readAuthBody(req, PkceGrantSchema);
		return sendJson(res, 200, await exchangeAuthCode(ctx, body.auth_code, body.code_verifier));
	}
	throw authError(
		400,
		'validation_failed',
		`unsupported_grant_type: ${grantType ?? '(none)'}; supported are password, refresh_token, pkce`
	);
}

const OtpSchema = v.looseObject({
	email: v.nullish(EmailSchema),
	phone: OptionalString,
	data: MetadataSchema,
	create_user: v.nullish(v.boolean('must be a boolean')),
	...PkceFields
});

async function otp(ctx: AuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const body = await readAuthBody(req, OtpSchema);
	if (!body.email && body.phone) {
		throw authError(422, 'phone_provider_disabled', 'Unsupported phone provider');
	}
	if (!body.email) throw authError(400, 'validation_failed', 'An email address is required');
	const pkce = pkceOf(body);
	let user = await findUserByEmail(ctx.db, body.email);
	if (!user) {
		if (body.create_user === false) {
			throw authError(422, 'otp_disabled', 'Signups not allowed for otp');
		}
		user = await insertUser(ctx.db, {
			email: body.email,
			confirmed: false,
			userMetadata: body.data
		});
	}
	const redirectTo = allowedRedirect(ctx, redirectQuery(req));
	const issued = await issueOtp(ctx, {
		user,
		type: 'magiclink',
		redirectTo,
		codeChallenge: pkce?.challenge,
		codeChallengeMethod: pkce?.method
	});
	await storeMail(ctx.db, composeMail('magiclink', body.email, issued.link, issued.otp));
	ctx.log(`✉  Magic link for ${body.email}: ${issued.link}`);
	sendJson(res, 200, {});
}

const RecoverSchema = v.looseObject({ email: EmailSchema, ...PkceFields });

async function recover(ctx: AuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const body = await readAuthBody(req, RecoverSchema);
	const pkce = pkceOf(body);
	const user = await findUserByEmail(ctx.db, body.email);
	// Same answer whether or not the address exists, so nobody can probe for accounts.
	if (user) {
		const issued = await issueOtp(ctx, {
			user,
			type: 'recovery',
			redirectTo: allowedRedirect(ctx, redirectQuery(req)),
			codeChallenge: pkce?.challenge,
			codeChallengeMethod: pkce?.method
		});
		await storeMail(ctx.db, composeMail('recovery', body.email, issued.link, issued.otp));
		ctx.log(`✉  Password recovery for ${body.email}: ${issued.link}`);
	}
	sendJson(res, 200, {});
}

function withFragment(target: string, params: Record<string, string>): string {
	const url = new URL(target);
	url.hash = new URLSearchParams(params).toString();
	return url.toString();
}

/** The link in the mail: consumes the token and redirects back into the app. */
async function verifyLink(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	const query = requestUrl(req).searchParams;
	const tokenHash = query.get('token') ?? '';
	const type = query.get('type') ?? '';
	let consumed: ConsumedOtp | null = null;
	if (tokenHash && ['magiclink', 'signup', 'invite', 'recovery', 'email'].includes(type)) {
		consumed = await consumeOtp(ctx, { tokenHash }, tokenTypesFor(type));
	}
	const target = allowedRedirect(ctx, query.get('redirect_to') ?? consumed?.redirectTo);
	if (!consumed || isBanned(consumed.user)) {
		return redirect(
			res,
			withFragment(target, {
				error: 'access_denied',
				error_code: 'otp_expired',
				error_description: 'Email link is invalid or has expired'
			})
		);
	}
	if (consumed.codeChallenge && consumed.codeChallengeMethod) {
		const authCode = await createFlowState(
			ctx,
			consumed.user.id,
			consumed.codeChallenge,
			consumed.codeChallengeMethod,
			consumed.type
		);
		const url = new URL(target);
		url.searchParams.set('code', authCode);
		return redirect(res, url.toString());
	}
	const session = await issueSession(ctx, consumed.user.id, 'otp');
	redirect(
		res,
		withFragment(target, {
			access_token: session.access_token,
			expires_at: String(session.expires_at),
			expires_in: String(session.expires_in),
			refresh_token: session.refresh_token,
			token_type: 'bearer',
			type: consumed.type
		})
	);
}

const VerifySchema = v.looseObject({
	type: v.picklist(
		['email', 'magiclink', 'signup', 'invite', 'recovery', 'sms', 'phone_change', 'email_change'],
		'unknown verification type'
	),
	email: v.nullish(EmailSchema),
	phone: OptionalString,
	token: OptionalString,
	token_hash: OptionalString
});

/** verifyOtp(): the 6-digit code with the address, or the token hash from a custom mail link. */
async function verifyCode(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	const body = await readAuthBody(req, VerifySchema);
	if (['sms', 'phone_change', 'email_change'].includes(body.type)) {
		throw authError(400, 'validation_failed', `Verify type ${body.type} is not supported locally`);
	}
	const types = tokenTypesFor(body.type);
	let consumed: ConsumedOtp | null = null;
	if (body.token_hash) {
		consumed = await consumeOtp(ctx, { tokenHash: body.token_hash }, types);
	} else if (body.email && body.token) {
		const user = await findUserByEmail(ctx.db, body.email);
		if (user) consumed = await consumeOtp(ctx, { userId: user.id, otp: body.token.trim() }, types);
	} else {
		throw authError(
			400,
			'validation_failed',
			'Verify requires either a token_hash or an email with a token'
		);
	}
	if (!consumed) throw authError(403, 'otp_expired', 'Token has expired or is invalid');
	if (isBanned(consumed.user)) throw authError(400, 'user_banned', 'User is banned');
	sendJson(res, 200, await issueSession(ctx, consumed.user.id, 'otp'));
}

const UpdateUserSchema = v.looseObject({
	email: v.nullish(EmailSchema),
	password: OptionalString,
	data: MetadataSchema,
	nonce: OptionalString
});

async function updateUser(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	const { user } = await requireUser(ctx, req);
	const body = await readAuthBody(req, UpdateUserSchema);
	const client = await ctx.db.connect();
	try {
		await client.query('begin');
		if (body.password) {
			checkPassword(body.password);
			const { rows } = await client.query<{ same: boolean }>(
				`select encrypted_password is not null
					and encrypted_password = extensions.crypt($2, encrypted_password) as same
				from auth.users where id = $1`,
				[user.id, body.password]
			);
			if (rows[0]?.same) {
				throw authError(
					422,
					'same_password',
					'New password should be different from the old password.'
				);
			}
			await client.query(
				`update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf'))
				where id = $1`,
				[user.id, body.password]
			);
		}
		if (body.data) {
			await client.query('update auth.users set raw_user_meta_data = $2 where id = $1', [
				user.id,
				mergeMetadata(user.raw_user_meta_data, body.data)
			]);
		}
		if (body.email && body.email !== user.email) {
			// Local simplification: the new address applies at once (no confirmation mails).
			const taken = await findUserByEmail(client, body.email);
			if (taken) {
				throw authError(
					422,
					'email_exists',
					'A user with this email address has already been registered'
				);
			}
			await client.query(
				'update auth.users set email = $2, email_confirmed_at = now() where id = $1',
				[user.id, body.email]
			);
		}
		const { rows } = await client.query<UserRow>(
			`update auth.users set updated_at = now() where id = $1 returning ${USER_COLUMNS}`,
			[user.id]
		);
		await client.query('commit');
		sendJson(res, 200, userJson(rows[0]));
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}

async function logout(ctx: AuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const scope = requestUrl(req).searchParams.get('scope') ?? 'global';
	if (!['global', 'local', 'others'].includes(scope)) {
		throw authError(400, 'validation_failed', 'scope must be global, local or others');
	}
	const { user, claims } = await requireUser(ctx, req);
	if (scope === 'global' || !claims.session_id) {
		await ctx.db.query('delete from auth.sessions where user_id = $1', [user.id]);
	} else if (scope === 'local') {
		await ctx.db.query('delete from auth.sessions where id = $1', [claims.session_id]);
	} else {
		await ctx.db.query('delete from auth.sessions where user_id = $1 and id <> $2', [
			user.id,
			claims.session_id
		]);
	}
	sendEmpty(res, 204);
}
