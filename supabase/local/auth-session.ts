// Users, sessions and one-time tokens of the local GoTrue stand-in, shaped like GoTrue's responses.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import * as v from 'valibot';
import { HttpError, isPlainObject, readJson } from './http.ts';
import { signAccessToken } from './jwt.ts';

export const ACCESS_TOKEN_TTL = 3600;
export const OTP_TTL_SECONDS = 3600;
export const FLOW_STATE_TTL_SECONDS = 300;
/** GoTrue hands out the current token again when a rotated one is replayed within this window. */
export const REFRESH_REUSE_SECONDS = 10;
export const MIN_PASSWORD_LENGTH = 6;

export type Queryable = pg.Pool | pg.PoolClient;

export interface AuthContext {
	db: pg.Pool;
	jwtSecret: string;
	siteUrl: string;
	apiUrl: string;
	log: (line: string) => void;
}

export interface UserRow {
	id: string;
	aud: string | null;
	role: string | null;
	email: string | null;
	email_confirmed_at: Date | null;
	invited_at: Date | null;
	confirmation_sent_at: Date | null;
	recovery_sent_at: Date | null;
	last_sign_in_at: Date | null;
	raw_app_meta_data: Record<string, unknown>;
	raw_user_meta_data: Record<string, unknown>;
	created_at: Date;
	updated_at: Date;
	phone: string | null;
	banned_until: Date | null;
	deleted_at: Date | null;
	is_anonymous: boolean;
}

export const USER_COLUMNS = `id, aud, role, email, email_confirmed_at, invited_at, confirmation_sent_at,
	recovery_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
	phone, banned_until, deleted_at, is_anonymous`;

/** GoTrue's error body; auth-js reads `error_code` and `msg`. */
export function authError(status: number, errorCode: string, msg: string): HttpError {
	return new HttpError(status, { code: status, error_code: errorCode, msg }, msg);
}

export function sha256(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

export function appMetadata(row: UserRow): Record<string, unknown> {
	return { provider: 'email', providers: ['email'], ...row.raw_app_meta_data };
}

/** The user object as GoTrue serialises it. */
export function userJson(row: UserRow): Record<string, unknown> {
	return {
		id: row.id,
		aud: row.aud ?? 'authenticated',
		role: row.role ?? 'authenticated',
		email: row.email ?? '',
		email_confirmed_at: row.email_confirmed_at ?? undefined,
		phone: row.phone ?? '',
		confirmed_at: row.email_confirmed_at ?? undefined,
		confirmation_sent_at: row.confirmation_sent_at ?? undefined,
		recovery_sent_at: row.recovery_sent_at ?? undefined,
		invited_at: row.invited_at ?? undefined,
		last_sign_in_at: row.last_sign_in_at ?? undefined,
		banned_until: row.banned_until ?? undefined,
		app_metadata: appMetadata(row),
		user_metadata: row.raw_user_meta_data,
		identities: [],
		created_at: row.created_at,
		updated_at: row.updated_at,
		is_anonymous: row.is_anonymous
	};
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
	if (!isUuid(id)) return null;
	const { rows } = await db.query<UserRow>(
		`select ${USER_COLUMNS} from auth.users where id = $1 and deleted_at is null`,
		[id]
	);
	return rows[0] ?? null;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
	const { rows } = await db.query<UserRow>(
		`select ${USER_COLUMNS} from auth.users where lower(email) = lower($1) and deleted_at is null`,
		[email]
	);
	return rows[0] ?? null;
}

export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function checkPassword(password: string): void {
	if (password.length < MIN_PASSWORD_LENGTH) {
		throw new HttpError(
			422,
			{
				code: 422,
				error_code: 'weak_password',
				msg: `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
				weak_password: { reasons: ['length'] }
			},
			'weak password'
		);
	}
	// bcrypt ignores everything after 72 bytes, so GoTrue refuses longer passwords.
	if (Buffer.byteLength(password) > 72) {
		throw authError(422, 'validation_failed', 'Password cannot be longer than 72 characters');
	}
}

export function isBanned(row: UserRow): boolean {
	return row.banned_until !== null && row.banned_until.getTime() > Date.now();
}

export interface CreateUser {
	email: string;
	password?: string | null;
	confirmed: boolean;
	userMetadata?: Record<string, unknown> | null;
	appMetadata?: Record<string, unknown> | null;
}

export async function insertUser(db: Queryable, input: CreateUser): Promise<UserRow> {
	try {
		const { rows } = await db.query<UserRow>(
			`insert into auth.users (email, encrypted_password, email_confirmed_at, raw_user_meta_data,
				raw_app_meta_data)
			values (lower($1),
				case when $2::text is null then null
					else extensions.crypt($2, extensions.gen_salt('bf')) end,
				case when $3 then now() end, $4, $5)
			returning ${USER_COLUMNS}`,
			[
				input.email,
				input.password ?? null,
				input.confirmed,
				input.userMetadata ?? {},
				{ provider: 'email', providers: ['email'], ...(input.appMetadata ?? {}) }
			]
		);
		return rows[0];
	} catch (error) {
		if ((error as { code?: string }).code === '23505') {
			throw authError(
				422,
				'email_exists',
				'A user with this email address has already been registered'
			);
		}
		throw error;
	}
}

export interface SessionBody {
	access_token: string;
	token_type: 'bearer';
	expires_in: number;
	expires_at: number;
	refresh_token: string;
	user: Record<string, unknown>;
}

export function newRefreshToken(): string {
	return randomBytes(16).toString('base64url');
}

async function accessTokenFor(
	ctx: AuthContext,
	user: UserRow,
	sessionId: string,
	method: string
): Promise<{ accessToken: string; expiresAt: number }> {
	return signAccessToken(
		ctx.jwtSecret,
		{
			id: user.id,
			email: user.email,
			phone: user.phone,
			app_metadata: appMetadata(user),
			user_metadata: user.raw_user_meta_data,
			is_anonymous: user.is_anonymous
		},
		sessionId,
		ACCESS_TOKEN_TTL,
		{ issuer: `${ctx.apiUrl}/auth/v1`, method }
	);
}

export async function sessionBody(
	ctx: AuthContext,
	user: UserRow,
	sessionId: string,
	refreshToken: string,
	method: string
): Promise<SessionBody> {
	const { accessToken, expiresAt } = await accessTokenFor(ctx, user, sessionId, method);
	return {
		access_token: accessToken,
		token_type: 'bearer',
		expires_in: ACCESS_TOKEN_TTL,
		expires_at: expiresAt,
		refresh_token: refreshToken,
		user: userJson(user)
	};
}

/** Starts a new session (sign-in): session row, first refresh token, last_sign_in_at. */
export async function issueSession(
	ctx: AuthContext,
	userId: string,
	method: string
): Promise<SessionBody> {
	const client = await ctx.db.connect();
	try {
		await client.query('begin');
		const { rows: users } = await client.query<UserRow>(
			`update auth.users set last_sign_in_at = now() where id = $1 returning ${USER_COLUMNS}`,
			[userId]
		);
		const { rows: sessions } = await client.query<{ id: string }>(
			'insert into auth.sessions (user_id) values ($1) returning id',
			[userId]
		);
		const refreshToken = newRefreshToken();
		await client.query(
			'insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)',
			[refreshToken, userId, sessions[0].id]
		);
		await client.query('commit');
		return sessionBody(ctx, users[0], sessions[0].id, refreshToken, method);
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}

interface RefreshRow {
	id: string;
	token: string;
	user_id: string;
	session_id: string | null;
	revoked: boolean;
	recently_revoked: boolean;
}

/** Rotates a refresh token: the presented one is revoked and a child token is issued. */
export async function refreshSession(ctx: AuthContext, token: string): Promise<SessionBody> {
	const client = await ctx.db.connect();
	try {
		await client.query('begin');
		const { rows } = await client.query<RefreshRow>(
			`select id, token, user_id, session_id, revoked,
				updated_at > now() - make_interval(secs => $2) as recently_revoked
			from auth.refresh_tokens where token = $1 for update`,
			[token, REFRESH_REUSE_SECONDS]
		);
		const row = rows[0];
		if (!row || !row.session_id) {
			throw authError(
				400,
				'refresh_token_not_found',
				'Invalid Refresh Token: Refresh Token Not Found'
			);
		}
		const user = await findUserById(client, row.user_id);
		if (!user) throw authError(400, 'user_not_found', 'User not found');
		if (isBanned(user)) throw authError(400, 'user_banned', 'User is banned');
		let refreshToken: string;
		if (row.revoked) {
			// Replayed within the reuse window (e.g. two tabs refreshing at once): hand out the
			// session's current token. Outside the window it looks stolen: end the session.
			const { rows: active } = await client.query<{ token: string }>(
				`select token from auth.refresh_tokens
				where session_id = $1 and not revoked order by id desc limit 1`,
				[row.session_id]
			);
			if (!row.recently_revoked || !active[0]) {
				await client.query('delete from auth.sessions where id = $1', [row.session_id]);
				await client.query('commit');
				throw authError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
			}
			refreshToken = active[0].token;
		} else {
			refreshToken = newRefreshToken();
			await client.query(
				'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
				[row.id]
			);
			await client.query(
				`insert into auth.refresh_tokens (token, user_id, session_id, parent)
				values ($1, $2, $3, $4)`,
				[refreshToken, row.user_id, row.session_id, row.token]
			);
			await client.query('update auth.sessions set updated_at = now() where id = $1', [
				row.session_id
			]);
		}
		await client.query('commit');
		return sessionBody(ctx, user, row.session_id, refreshToken, 'token_refresh');
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}

export type OtpType = 'magiclink' | 'signup' | 'invite' | 'recovery';

export interface OtpInput {
	user: UserRow;
	type: OtpType;
	redirectTo: string;
	codeChallenge?: string | null;
	codeChallengeMethod?: string | null;
}

export interface IssuedOtp {
	/** The token in the link; auth-js calls it `hashed_token` / `token_hash`. */
	tokenHash: string;
	otp: string;
	link: string;
}

/**
 * Stores a one-time token (link token and 6-digit code, both hashed at rest) and returns the
 * plain values for the mail. A new token replaces older ones of the same type, as in GoTrue.
 */
export async function issueOtp(ctx: AuthContext, input: OtpInput): Promise<IssuedOtp> {
	const tokenHash = randomBytes(28).toString('hex');
	const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
	await ctx.db.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [
		input.user.id,
		input.type
	]);
	await ctx.db.query(
		`insert into auth.one_time_tokens (user_id, token_type, token_hash, otp_hash, relates_to,
			code_challenge, code_challenge_method, redirect_to, expires_at)
		values ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => $9))`,
		[
			input.user.id,
			input.type,
			sha256(tokenHash),
			sha256(`${input.user.id}:${otp}`),
			input.user.email ?? '',
			input.codeChallenge ?? null,
			input.codeChallengeMethod?.toLowerCase() ?? null,
			input.redirectTo,
			OTP_TTL_SECONDS
		]
	);
	const column = input.type === 'recovery' ? 'recovery_sent_at' : 'confirmation_sent_at';
	await ctx.db.query(`update auth.users set ${column} = now() where id = $1`, [input.user.id]);
	const link = new URL(`${ctx.apiUrl}/auth/v1/verify`);
	link.searchParams.set('token', tokenHash);
	link.searchParams.set('type', input.type);
	link.searchParams.set('redirect_to', input.redirectTo);
	return { tokenHash, otp, link: link.toString() };
}

export interface ConsumedOtp {
	user: UserRow;
	type: OtpType;
	codeChallenge: string | null;
	codeChallengeMethod: string | null;
	redirectTo: string | null;
}

/** Token types a verification `type` may consume (email, signup and magiclink are one flow). */
export function tokenTypesFor(type: string): OtpType[] {
	if (type === 'recovery') return ['recovery'];
	if (type === 'invite') return ['invite'];
	return ['magiclink', 'signup', 'invite'];
}

/** Deletes and returns a valid one-time token, matched by link token or by user + code. */
export async function consumeOtp(
	ctx: AuthContext,
	match: { tokenHash: string } | { userId: string; otp: string },
	types: OtpType[]
): Promise<ConsumedOtp | null> {
	const [where, value] =
		'tokenHash' in match
			? ['token_hash = $1', sha256(match.tokenHash)]
			: ['otp_hash = $1', sha256(`${match.userId}:${match.otp}`)];
	const { rows } = await ctx.db.query<{
		user_id: string;
		token_type: OtpType;
		code_challenge: string | null;
		code_challenge_method: string | null;
		redirect_to: string | null;
	}>(
		`delete from auth.one_time_tokens
		where ${where} and token_type = any($2) and expires_at > now()
		returning user_id, token_type, code_challenge, code_challenge_method, redirect_to`,
		[value, types]
	);
	const row = rows[0];
	if (!row) return null;
	// A used link or code confirms the address, like GoTrue's verify.
	const { rows: users } = await ctx.db.query<UserRow>(
		`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()),
			updated_at = now()
		where id = $1 and deleted_at is null returning ${USER_COLUMNS}`,
		[row.user_id]
	);
	if (!users[0]) return null;
	return {
		user: users[0],
		type: row.token_type,
		codeChallenge: row.code_challenge,
		codeChallengeMethod: row.code_challenge_method,
		redirectTo: row.redirect_to
	};
}

/** PKCE: remembers the challenge under a fresh auth code that the client exchanges later. */
export async function createFlowState(
	ctx: AuthContext,
	userId: string,
	challenge: string,
	method: string,
	authenticationMethod: string
): Promise<string> {
	const authCode = randomBytes(24).toString('base64url');
	await ctx.db.query(
		`insert into auth.flow_state (user_id, auth_code, code_challenge, code_challenge_method,
			authentication_method)
		values ($1, $2, $3, $4, $5)`,
		[userId, authCode, challenge, method.toLowerCase(), authenticationMethod]
	);
	return authCode;
}

export function pkceMatches(challenge: string, method: string, verifier: string): boolean {
	if (method.toLowerCase() === 'plain') return verifier === challenge;
	const computed = createHash('sha256').update(verifier).digest('base64url');
	return computed === challenge.replace(/=+$/, '');
}

export async function exchangeAuthCode(
	ctx: AuthContext,
	authCode: string,
	verifier: string
): Promise<SessionBody> {
	const { rows } = await ctx.db.query<{
		user_id: string | null;
		code_challenge: string;
		code_challenge_method: string;
		authentication_method: string;
		expired: boolean;
	}>(
		`select user_id, code_challenge, code_challenge_method, authentication_method,
			created_at < now() - make_interval(secs => $2) as expired
		from auth.flow_state where auth_code = $1`,
		[authCode, FLOW_STATE_TTL_SECONDS]
	);
	const flow = rows[0];
	if (!flow || !flow.user_id) {
		throw authError(404, 'flow_state_not_found', 'invalid flow state, no valid flow state found');
	}
	if (flow.expired) {
		await ctx.db.query('delete from auth.flow_state where auth_code = $1', [authCode]);
		throw authError(422, 'flow_state_expired', 'invalid flow state, flow state has expired');
	}
	// As in GoTrue a wrong verifier leaves the code usable; a verifier cannot be guessed anyway.
	if (!pkceMatches(flow.code_challenge, flow.code_challenge_method, verifier)) {
		throw authError(
			403,
			'bad_code_verifier',
			'code challenge does not match previously saved code verifier'
		);
	}
	// Deleting is the claim: of two concurrent exchanges only one gets the row.
	const { rowCount } = await ctx.db.query('delete from auth.flow_state where auth_code = $1', [
		authCode
	]);
	if (!rowCount) {
		throw authError(404, 'flow_state_not_found', 'invalid flow state, no valid flow state found');
	}
	return issueSession(ctx, flow.user_id, flow.authentication_method);
}

const JSON_ERRORS = {
	invalid: (detail: string) =>
		authError(400, 'bad_json', `Could not parse request body as JSON: ${detail}`),
	tooLarge: () => authError(413, 'request_too_large', 'Request body too large')
};

/** Reads and validates a JSON body; every problem becomes a 400 with a readable message. */
export async function readAuthBody<S extends v.GenericSchema>(
	req: IncomingMessage,
	schema: S
): Promise<v.InferOutput<S>> {
	const body = await readJson(req, JSON_ERRORS);
	if (!isPlainObject(body)) throw authError(400, 'bad_json', 'Request body must be a JSON object');
	const result = v.safeParse(schema, body);
	if (!result.success) {
		const issue = result.issues[0];
		// Type errors name the field; validation messages are written to stand alone.
		const path = issue.kind === 'schema' ? v.getDotPath(issue) : null;
		throw authError(400, 'validation_failed', path ? `${path}: ${issue.message}` : issue.message);
	}
	return result.output;
}

export const EmailSchema = v.pipe(
	v.string('must be a string'),
	v.trim(),
	v.toLowerCase(),
	v.email('Unable to validate email address: invalid format')
);
export const MetadataSchema = v.nullish(v.record(v.string(), v.unknown(), 'must be a JSON object'));
export const OptionalString = v.nullish(v.string('must be a string'));

/** GoTrue's metadata update: set the given keys, delete keys given as null. */
export function mergeMetadata(
	current: Record<string, unknown>,
	update: Record<string, unknown> | null | undefined
): Record<string, unknown> {
	const merged = { ...current };
	for (const [key, value] of Object.entries(update ?? {})) {
		if (value === null) delete merged[key];
		else merged[key] = value;
	}
	return merged;
}
