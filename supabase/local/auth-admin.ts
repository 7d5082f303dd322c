// GoTrue's admin API (supabase.auth.admin.*): only for the service-role key. This is the only
// place where app_metadata (e.g. `{ "role": "editor" }`) can be set.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { composeMail, storeMail } from './auth-mail.ts';
import {
	type AuthContext,
	type OtpType,
	type Queryable,
	type UserRow,
	authError,
	checkPassword,
	EmailSchema,
	findUserByEmail,
	findUserById,
	insertUser,
	issueOtp,
	mergeMetadata,
	MetadataSchema,
	OptionalString,
	readAuthBody,
	USER_COLUMNS,
	userJson
} from './auth-session.ts';
import { bearerToken, requestUrl, sendJson } from './http.ts';
import { verifyJwt } from './jwt.ts';

const ADMIN_ROLES = ['service_role', 'supabase_admin'];

async function requireAdmin(ctx: AuthContext, req: IncomingMessage): Promise<void> {
	const jwt = bearerToken(req);
	if (!jwt) throw authError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
	let role: string | undefined;
	try {
		role = (await verifyJwt(ctx.jwtSecret, jwt)).role;
	} catch (error) {
		throw authError(
			403,
			'bad_jwt',
			`invalid JWT: unable to parse or verify signature, ${(error as Error).message}`
		);
	}
	if (!role || !ADMIN_ROLES.includes(role)) throw authError(403, 'not_admin', 'User not allowed');
}

export async function handleAdmin(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse,
	path: string
): Promise<void> {
	await requireAdmin(ctx, req);
	const parts = path.replace(/\/+$/, '').split('/').slice(2);
	const method = req.method ?? 'GET';
	if (parts[0] === 'users' && parts.length === 1) {
		if (method === 'GET') return listUsers(ctx, req, res);
		if (method === 'POST') return createUser(ctx, req, res);
	}
	if (parts[0] === 'users' && parts.length === 2) {
		const id = decodeURIComponent(parts[1]);
		if (method === 'GET') return sendJson(res, 200, userJson(await existingUser(ctx.db, id)));
		if (method === 'PUT') return updateUser(ctx, req, res, id);
		if (method === 'DELETE') return deleteUser(ctx, req, res, id);
	}
	if (parts[0] === 'generate_link' && parts.length === 1 && method === 'POST') {
		return generateLink(ctx, req, res);
	}
	throw authError(404, 'not_found', `Not found: ${method} /auth/v1${path}`);
}

async function existingUser(db: Queryable, id: string): Promise<UserRow> {
	const user = await findUserById(db, id);
	if (!user) throw authError(404, 'user_not_found', 'User not found');
	return user;
}

/** Go duration strings as GoTrue's `ban_duration` takes them ("24h", "1h30m", "none"). */
function banUntil(duration: string): Date | null {
	if (duration === 'none') return null;
	const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
	const pattern = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
	let total = 0;
	let match: RegExpExecArray | null;
	let consumed = 0;
	while ((match = pattern.exec(duration))) {
		total += Number(match[1]) * units[match[2]];
		consumed = pattern.lastIndex;
	}
	if (consumed === 0 || consumed !== duration.length) {
		throw authError(400, 'validation_failed', `invalid format for ban duration: ${duration}`);
	}
	return new Date(Date.now() + total);
}

const CreateUserSchema = v.looseObject({
	email: v.nullish(EmailSchema),
	phone: OptionalString,
	password: OptionalString,
	email_confirm: v.nullish(v.boolean('must be a boolean')),
	user_metadata: MetadataSchema,
	app_metadata: MetadataSchema,
	ban_duration: OptionalString
});

async function createUser(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	const body = await readAuthBody(req, CreateUserSchema);
	if (!body.email) {
		throw authError(
			400,
			'validation_failed',
			body.phone
				? 'Phone users are not supported by the local auth stack'
				: 'Unable to validate email address: invalid format'
		);
	}
	if (body.password) checkPassword(body.password);
	const banned = body.ban_duration ? banUntil(body.ban_duration) : null;
	let user = await insertUser(ctx.db, {
		email: body.email,
		password: body.password,
		confirmed: body.email_confirm === true,
		userMetadata: body.user_metadata,
		appMetadata: body.app_metadata
	});
	if (banned) {
		const { rows } = await ctx.db.query<UserRow>(
			`update auth.users set banned_until = $2 where id = $1 returning ${USER_COLUMNS}`,
			[user.id, banned]
		);
		user = rows[0];
	}
	sendJson(res, 200, userJson(user));
}

function positiveInt(value: string | null, fallback: number): number {
	const parsed = Number.parseInt(value ?? '', 10);
	return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

async function listUsers(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	const query = requestUrl(req).searchParams;
	const page = positiveInt(query.get('page'), 1);
	const perPage = Math.min(positiveInt(query.get('per_page'), 50), 1000);
	const { rows } = await ctx.db.query<UserRow & { total: string }>(
		`select ${USER_COLUMNS}, count(*) over () as total from auth.users
		where deleted_at is null order by created_at desc, id limit $1 offset $2`,
		[perPage, (page - 1) * perPage]
	);
	let total = rows[0] ? Number(rows[0].total) : 0;
	if (!rows[0]) {
		const { rows: count } = await ctx.db.query<{ n: string }>(
			'select count(*) as n from auth.users where deleted_at is null'
		);
		total = Number(count[0].n);
	}
	// auth-js reads the page numbers from GoTrue's Link header.
	const lastPage = Math.max(1, Math.ceil(total / perPage));
	const links = [];
	if (page < lastPage)
		links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
	links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`);
	sendJson(
		res,
		200,
		{ users: rows.map(({ total: _total, ...row }) => userJson(row)), aud: 'authenticated' },
		{ 'x-total-count': String(total), link: links.join(', ') }
	);
}

const UpdateUserSchema = v.looseObject({
	email: v.nullish(EmailSchema),
	phone: OptionalString,
	password: OptionalString,
	email_confirm: v.nullish(v.boolean('must be a boolean')),
	user_metadata: MetadataSchema,
	app_metadata: MetadataSchema,
	ban_duration: OptionalString
});

async function updateUser(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse,
	id: string
): Promise<void> {
	const body = await readAuthBody(req, UpdateUserSchema);
	const user = await existingUser(ctx.db, id);
	if (body.password) checkPassword(body.password);
	if (body.email && body.email !== user.email && (await findUserByEmail(ctx.db, body.email))) {
		throw authError(
			422,
			'email_exists',
			'A user with this email address has already been registered'
		);
	}
	const banned = body.ban_duration ? banUntil(body.ban_duration) : undefined;
	const { rows } = await ctx.db.query<UserRow>(
		`update auth.users set
			email = coalesce($2, email),
			encrypted_password = case when $3::text is null then encrypted_password
				else extensions.crypt($3, extensions.gen_salt('bf')) end,
			email_confirmed_at = case when $4 then coalesce(email_confirmed_at, now())
				else email_confirmed_at end,
			raw_user_meta_data = $5,
			raw_app_meta_data = $6,
			banned_until = case when $7 then $8::timestamptz else banned_until end,
			updated_at = now()
		where id = $1 returning ${USER_COLUMNS}`,
		[
			id,
			body.email ?? null,
			body.password ?? null,
			body.email_confirm === true,
			mergeMetadata(user.raw_user_meta_data, body.user_metadata),
			mergeMetadata(user.raw_app_meta_data, body.app_metadata),
			banned !== undefined,
			banned ?? null
		]
	);
	if (banned) await ctx.db.query('delete from auth.sessions where user_id = $1', [id]);
	sendJson(res, 200, userJson(rows[0]));
}

const DeleteUserSchema = v.looseObject({ should_soft_delete: v.nullish(v.boolean()) });

async function deleteUser(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse,
	id: string
): Promise<void> {
	const body = await readAuthBody(req, DeleteUserSchema);
	await existingUser(ctx.db, id);
	if (body.should_soft_delete) {
		// GoTrue keeps the row but frees the address and ends all sessions.
		await ctx.db.query(
			`update auth.users set deleted_at = now(), email = null, phone = null,
				encrypted_password = null, updated_at = now()
			where id = $1`,
			[id]
		);
		await ctx.db.query('delete from auth.sessions where user_id = $1', [id]);
	} else {
		await ctx.db.query('delete from auth.users where id = $1', [id]);
	}
	sendJson(res, 200, {});
}

const GenerateLinkSchema = v.looseObject({
	type: v.picklist(
		['signup', 'invite', 'magiclink', 'recovery', 'email_change_current', 'email_change_new'],
		'type must be signup, invite, magiclink or recovery'
	),
	email: EmailSchema,
	password: OptionalString,
	data: MetadataSchema,
	redirect_to: OptionalString,
	redirectTo: OptionalString
});

async function generateLink(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	const body = await readAuthBody(req, GenerateLinkSchema);
	if (body.type === 'email_change_current' || body.type === 'email_change_new') {
		throw authError(400, 'validation_failed', 'Email change links are not supported locally');
	}
	const type: OtpType = body.type;
	let user = await findUserByEmail(ctx.db, body.email);
	if (type === 'signup') {
		if (user) {
			throw authError(
				422,
				'email_exists',
				'A user with this email address has already been registered'
			);
		}
		if (!body.password)
			throw authError(422, 'validation_failed', 'Signup requires a valid password');
		checkPassword(body.password);
	}
	if (type === 'recovery' && !user) throw authError(404, 'user_not_found', 'User not found');
	if (type === 'invite' && user?.email_confirmed_at) {
		throw authError(
			422,
			'email_exists',
			'A user with this email address has already been registered'
		);
	}
	// As in GoTrue, a magic link for an unknown address signs the user up.
	user ??= await insertUser(ctx.db, {
		email: body.email,
		password: type === 'signup' ? body.password : null,
		confirmed: false,
		userMetadata: body.data
	});
	if (type === 'invite') {
		await ctx.db.query('update auth.users set invited_at = now() where id = $1', [user.id]);
	}
	const query = requestUrl(req).searchParams.get('redirect_to');
	const redirectTo = query ?? body.redirect_to ?? body.redirectTo ?? ctx.siteUrl;
	const issued = await issueOtp(ctx, { user, type, redirectTo });
	sendJson(res, 200, {
		...userJson((await findUserById(ctx.db, user.id)) ?? user),
		action_link: issued.link,
		email_otp: issued.otp,
		hashed_token: issued.tokenHash,
		redirect_to: redirectTo,
		verification_type: type
	});
}

const InviteSchema = v.looseObject({ email: EmailSchema, data: MetadataSchema });

/** inviteUserByEmail(): creates the user and mails an invitation link. */
export async function handleInvite(
	ctx: AuthContext,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	await requireAdmin(ctx, req);
	const body = await readAuthBody(req, InviteSchema);
	let user = await findUserByEmail(ctx.db, body.email);
	if (user?.email_confirmed_at) {
		throw authError(
			422,
			'email_exists',
			'A user with this email address has already been registered'
		);
	}
	user ??= await insertUser(ctx.db, {
		email: body.email,
		confirmed: false,
		userMetadata: body.data
	});
	await ctx.db.query('update auth.users set invited_at = now() where id = $1', [user.id]);
	const redirectTo = requestUrl(req).searchParams.get('redirect_to') ?? ctx.siteUrl;
	const issued = await issueOtp(ctx, { user, type: 'invite', redirectTo });
	await storeMail(ctx.db, composeMail('invite', body.email, issued.link, issued.otp));
	ctx.log(`✉  Invitation for ${body.email}: ${issued.link}`);
	sendJson(res, 200, userJson((await findUserById(ctx.db, user.id)) ?? user));
}
