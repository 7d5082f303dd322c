// The local Auth (GoTrue) stand-in, exercised through @supabase/supabase-js as the app uses it.
import { createClient, type SupabaseClient, type SupportedStorage } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const url = inject('supabaseUrl');
const anonKey = inject('anonKey');
const serviceRoleKey = inject('serviceRoleKey');
const appUrl = 'http://127.0.0.1:3000';

const noPersist = { auth: { persistSession: false, autoRefreshToken: false } };

function client(key = anonKey): SupabaseClient {
	return createClient(url, key, noPersist);
}

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let counter = 0;
function email(label: string): string {
	counter += 1;
	return `${label}-${run}-${counter}@example.org`;
}

const admin = client(serviceRoleKey);
const createdUsers = new Set<string>();

async function signUp(address = email('user'), password = 'geheim123') {
	const { data, error } = await client().auth.signUp({ email: address, password });
	expect(error).toBeNull();
	expect(data.user).not.toBeNull();
	createdUsers.add(data.user!.id);
	return { email: address, password, user: data.user!, session: data.session! };
}

interface OutboxMail {
	recipient: string;
	subject: string;
	body: string;
	link: string;
	otp: string;
}

async function latestMail(recipient: string): Promise<OutboxMail> {
	const response = await fetch(`${url}/_outbox.json`);
	expect(response.status).toBe(200);
	const mails = (await response.json()) as OutboxMail[];
	const mail = mails.find((m) => m.recipient === recipient);
	expect(mail, `no mail for ${recipient}`).toBeDefined();
	return mail!;
}

/** Follows the mail link like a browser would, without following the redirect into the app. */
async function openLink(link: string): Promise<URL> {
	const response = await fetch(link, { redirect: 'manual' });
	expect(response.status).toBe(303);
	return new URL(response.headers.get('location')!);
}

function fragment(location: URL): URLSearchParams {
	return new URLSearchParams(location.hash.slice(1));
}

function memoryStorage(): SupportedStorage & { items: Map<string, string> } {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, value),
		removeItem: (key) => void items.delete(key)
	};
}

afterAll(async () => {
	for (const id of createdUsers) await admin.auth.admin.deleteUser(id);
});

describe('sign-up and password sign-in', () => {
	it('signs up with confirmations off and returns a working session', async () => {
		const address = email('Signup');
		const { user, session } = await signUp(address.toUpperCase());
		expect(user.email).toBe(address.toLowerCase());
		expect(user.email_confirmed_at).toBeTruthy();
		expect(user.app_metadata).toMatchObject({ provider: 'email', providers: ['email'] });
		expect(session.expires_in).toBe(3600);
		const claims = decodeJwt(session.access_token);
		expect(claims).toMatchObject({
			sub: user.id,
			aud: 'authenticated',
			role: 'authenticated',
			email: address.toLowerCase(),
			aal: 'aal1',
			is_anonymous: false
		});
		expect(typeof claims.session_id).toBe('string');
		expect(claims.exp! - claims.iat!).toBe(3600);
		const { data, error } = await client().auth.getUser(session.access_token);
		expect(error).toBeNull();
		expect(data.user?.id).toBe(user.id);
	});

	it('stores sign-up data as user_metadata and ignores app_metadata from the client', async () => {
		const address = email('meta');
		const response = await fetch(`${url}/auth/v1/signup`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({
				email: address,
				password: 'geheim123',
				data: { display_name: 'Erika' },
				app_metadata: { role: 'editor' },
				role: 'service_role'
			})
		});
		expect(response.status).toBe(200);
		const body = await response.json();
		createdUsers.add(body.user.id);
		expect(body.user.user_metadata).toEqual({ display_name: 'Erika' });
		expect(body.user.app_metadata.role).toBeUndefined();
		const claims = decodeJwt(body.access_token);
		expect(claims.role).toBe('authenticated');
		expect((claims.app_metadata as Record<string, unknown>).role).toBeUndefined();
	});

	it('refuses weak passwords and taken addresses with GoTrue error codes', async () => {
		const weak = await client().auth.signUp({ email: email('weak'), password: '12345' });
		expect(weak.error?.code).toBe('weak_password');
		expect(weak.error?.status).toBe(422);
		const { email: taken } = await signUp();
		const again = await client().auth.signUp({ email: taken, password: 'anderes123' });
		expect(again.error?.code).toBe('user_already_exists');
	});

	it('answers bad JSON and invalid fields with 400, not 500', async () => {
		const badJson = await fetch(`${url}/auth/v1/token?grant_type=password`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: '{"email": '
		});
		expect(badJson.status).toBe(400);
		expect((await badJson.json()).error_code).toBe('bad_json');
		const badEmail = await client().auth.signUp({ email: 'not-an-address', password: 'geheim123' });
		expect(badEmail.error?.status).toBe(400);
		expect(badEmail.error?.code).toBe('validation_failed');
		const wrongType = await fetch(`${url}/auth/v1/otp`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: email('type'), create_user: 'yes' })
		});
		expect(wrongType.status).toBe(400);
		expect((await wrongType.json()).msg).toMatch(/create_user/);
	});

	it('signs in with the right password and refuses a wrong one', async () => {
		const { email: address, password, user } = await signUp();
		const ok = await client().auth.signInWithPassword({ email: address, password });
		expect(ok.error).toBeNull();
		expect(ok.data.user?.id).toBe(user.id);
		expect(ok.data.session?.refresh_token).toBeTruthy();
		const wrong = await client().auth.signInWithPassword({ email: address, password: 'falsch123' });
		expect(wrong.error?.code).toBe('invalid_credentials');
		expect(wrong.error?.status).toBe(400);
		expect(wrong.data.session).toBeNull();
		const unknown = await client().auth.signInWithPassword({
			email: email('nobody'),
			password
		});
		expect(unknown.error?.code).toBe('invalid_credentials');
	});

	it('issues tokens that PostgREST accepts, and PostgREST rejects forged ones', async () => {
		const { session } = await signUp();
		const ok = await fetch(`${url}/rest/v1/`, {
			headers: { apikey: anonKey, authorization: `Bearer ${session.access_token}` }
		});
		expect(ok.status).toBe(200);
		const forged = `${session.access_token.slice(0, -4)}AAAA`;
		const rejected = await fetch(`${url}/rest/v1/`, {
			headers: { apikey: anonKey, authorization: `Bearer ${forged}` }
		});
		expect(rejected.status).toBe(401);
	});
});

describe('sessions', () => {
	it('rotates refresh tokens and only replays the current one within the reuse window', async () => {
		const { session, user } = await signUp();
		const first = await client().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(first.error).toBeNull();
		const rotated = first.data.session!;
		expect(rotated.refresh_token).not.toBe(session.refresh_token);
		expect(decodeJwt(rotated.access_token).session_id).toBe(
			decodeJwt(session.access_token).session_id
		);
		expect(rotated.user.id).toBe(user.id);
		// A second tab replaying the old token right away gets the current token, not a new branch.
		const replay = await client().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(replay.error).toBeNull();
		expect(replay.data.session?.refresh_token).toBe(rotated.refresh_token);
		const unknown = await client().auth.refreshSession({ refresh_token: 'doesnotexist' });
		expect(unknown.error?.code).toBe('refresh_token_not_found');
	});

	it('getUser() needs a valid token', async () => {
		const { data, error } = await client().auth.getUser('not-a-jwt');
		expect(data.user).toBeNull();
		expect(error?.status).toBe(403);
	});

	it('signOut() revokes the refresh token and ends the session', async () => {
		const { email: address, password } = await signUp();
		const supabase = createClient(url, anonKey, {
			auth: { persistSession: true, autoRefreshToken: false, storage: memoryStorage() }
		});
		const { data } = await supabase.auth.signInWithPassword({ email: address, password });
		const session = data.session!;
		const { error } = await supabase.auth.signOut();
		expect(error).toBeNull();
		const refreshed = await client().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(refreshed.error).not.toBeNull();
		expect(refreshed.data.session).toBeNull();
		const user = await client().auth.getUser(session.access_token);
		expect(user.data.user).toBeNull();
		expect(user.error?.name).toBe('AuthSessionMissingError');
	});

	it('signOut({ scope: "local" }) keeps the other sessions', async () => {
		const { email: address, password } = await signUp();
		const tablet = await client().auth.signInWithPassword({ email: address, password });
		const phone = createClient(url, anonKey, {
			auth: { persistSession: true, autoRefreshToken: false, storage: memoryStorage() }
		});
		await phone.auth.signInWithPassword({ email: address, password });
		expect((await phone.auth.signOut({ scope: 'local' })).error).toBeNull();
		const stillIn = await client().auth.getUser(tablet.data.session!.access_token);
		expect(stillIn.error).toBeNull();
		expect(stillIn.data.user?.email).toBe(address);
	});

	it('updateUser() changes metadata and password', async () => {
		const { email: address, password } = await signUp();
		const supabase = createClient(url, anonKey, {
			auth: { persistSession: true, autoRefreshToken: false, storage: memoryStorage() }
		});
		await supabase.auth.signInWithPassword({ email: address, password });
		const updated = await supabase.auth.updateUser({
			password: 'neues-passwort',
			data: { display_name: 'Max' }
		});
		expect(updated.error).toBeNull();
		expect(updated.data.user?.user_metadata).toEqual({ display_name: 'Max' });
		const same = await supabase.auth.updateUser({ password: 'neues-passwort' });
		expect(same.error?.code).toBe('same_password');
		const old = await client().auth.signInWithPassword({ email: address, password });
		expect(old.error?.code).toBe('invalid_credentials');
		const fresh = await client().auth.signInWithPassword({
			email: address,
			password: 'neues-passwort'
		});
		expect(fresh.error).toBeNull();
	});
});

describe('magic link and one-time code', () => {
	it('mails a German magic link that signs in through the URL fragment', async () => {
		const address = email('magic');
		const { error } = await client().auth.signInWithOtp({
			email: address,
			options: { emailRedirectTo: `${appUrl}/willkommen`, data: { display_name: 'Neu' } }
		});
		expect(error).toBeNull();
		const mail = await latestMail(address);
		expect(mail.subject).toBe('Ihr Anmeldelink');
		expect(mail.body).toContain(mail.link);
		expect(mail.body).toContain(mail.otp);
		expect(mail.otp).toMatch(/^\d{6}$/);
		expect(mail.link).toContain(`${url}/auth/v1/verify?token=`);

		const location = await openLink(mail.link);
		expect(`${location.origin}${location.pathname}`).toBe(`${appUrl}/willkommen`);
		const params = fragment(location);
		expect(params.get('type')).toBe('magiclink');
		expect(params.get('token_type')).toBe('bearer');
		const { data } = await client().auth.getUser(params.get('access_token')!);
		expect(data.user?.email).toBe(address);
		expect(data.user?.user_metadata).toEqual({ display_name: 'Neu' });
		expect(data.user?.email_confirmed_at).toBeTruthy();
		createdUsers.add(data.user!.id);

		// The link works once.
		const reused = fragment(await openLink(mail.link));
		expect(reused.get('error_code')).toBe('otp_expired');
		expect(reused.get('access_token')).toBeNull();
	});

	it('verifies the 6-digit code once', async () => {
		const { email: address, user } = await signUp();
		expect((await client().auth.signInWithOtp({ email: address })).error).toBeNull();
		const { otp } = await latestMail(address);
		const wrong = await client().auth.verifyOtp({
			email: address,
			token: otp === '000000' ? '111111' : '000000',
			type: 'email'
		});
		expect(wrong.error?.code).toBe('otp_expired');
		const ok = await client().auth.verifyOtp({ email: address, token: otp, type: 'email' });
		expect(ok.error).toBeNull();
		expect(ok.data.user?.id).toBe(user.id);
		expect(ok.data.session?.access_token).toBeTruthy();
		const again = await client().auth.verifyOtp({ email: address, token: otp, type: 'email' });
		expect(again.error?.code).toBe('otp_expired');
	});

	it('does not create users when shouldCreateUser is false', async () => {
		const address = email('nocreate');
		const { error } = await client().auth.signInWithOtp({
			email: address,
			options: { shouldCreateUser: false }
		});
		expect(error?.code).toBe('otp_disabled');
	});

	it('redirects to the site URL instead of foreign redirect targets', async () => {
		const address = email('redirect');
		await client().auth.signInWithOtp({
			email: address,
			options: { emailRedirectTo: 'https://evil.example.com/steal' }
		});
		const location = await openLink((await latestMail(address)).link);
		// The site URL (the app's port varies between setups).
		expect(location.hostname).not.toBe('evil.example.com');
		expect(['127.0.0.1', 'localhost']).toContain(location.hostname);
		const { data } = await client().auth.getUser(fragment(location).get('access_token')!);
		createdUsers.add(data.user!.id);
	});

	it('runs the PKCE flow: link → ?code= → exchangeCodeForSession()', async () => {
		const address = email('pkce');
		const storage = memoryStorage();
		const browser = createClient(url, anonKey, {
			auth: {
				flowType: 'pkce',
				storage,
				persistSession: true,
				autoRefreshToken: false,
				detectSessionInUrl: false
			}
		});
		const { error } = await browser.auth.signInWithOtp({
			email: address,
			options: { emailRedirectTo: `${appUrl}/auth/callback` }
		});
		expect(error).toBeNull();
		expect([...storage.items.keys()].some((key) => key.includes('code-verifier'))).toBe(true);
		const location = await openLink((await latestMail(address)).link);
		expect(location.pathname).toBe('/auth/callback');
		expect(location.hash).toBe('');
		const code = location.searchParams.get('code');
		expect(code).toBeTruthy();

		// Without the verifier (another device) the code is worthless.
		const stolen = await fetch(`${url}/auth/v1/token?grant_type=pkce`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(43) })
		});
		expect(stolen.status).toBe(403);
		expect((await stolen.json()).error_code).toBe('bad_code_verifier');

		const exchanged = await browser.auth.exchangeCodeForSession(code!);
		expect(exchanged.error).toBeNull();
		expect(exchanged.data.user?.email).toBe(address);
		createdUsers.add(exchanged.data.user!.id);
		const { data } = await browser.auth.getUser();
		expect(data.user?.email).toBe(address);
		const replay = await browser.auth.exchangeCodeForSession(code!);
		expect(replay.error).not.toBeNull();
	});
});

describe('admin API', () => {
	it('creates users with app_metadata only with the service role key', async () => {
		const address = email('editor');
		const { data, error } = await admin.auth.admin.createUser({
			email: address,
			password: 'geheim123',
			email_confirm: true,
			user_metadata: { display_name: 'Redaktion' },
			app_metadata: { role: 'editor' }
		});
		expect(error).toBeNull();
		createdUsers.add(data.user!.id);
		expect(data.user?.app_metadata).toMatchObject({ provider: 'email', role: 'editor' });
		const signedIn = await client().auth.signInWithPassword({
			email: address,
			password: 'geheim123'
		});
		expect(signedIn.error).toBeNull();
		const claims = decodeJwt(signedIn.data.session!.access_token);
		expect(claims.app_metadata).toMatchObject({ role: 'editor' });
		expect(claims.role).toBe('authenticated');

		const asAnon = await client().auth.admin.createUser({
			email: email('sneaky'),
			app_metadata: { role: 'editor' }
		});
		expect(asAnon.error?.status).toBe(403);
		expect(asAnon.data.user).toBeNull();
	});

	it('refuses user JWTs on admin routes', async () => {
		const { session } = await signUp();
		const response = await fetch(`${url}/auth/v1/admin/users`, {
			headers: { apikey: anonKey, authorization: `Bearer ${session.access_token}` }
		});
		expect(response.status).toBe(403);
		expect((await response.json()).error_code).toBe('not_admin');
	});

	it('lists, reads, updates and deletes users', async () => {
		const { user } = await signUp();
		const list = await admin.auth.admin.listUsers({ page: 1, perPage: 1000 });
		expect(list.error).toBeNull();
		expect(list.data.users.some((u) => u.id === user.id)).toBe(true);
		expect('total' in list.data && list.data.total).toBeGreaterThan(0);

		const updated = await admin.auth.admin.updateUserById(user.id, {
			app_metadata: { role: 'admin' },
			user_metadata: { display_name: 'Verwaltung' }
		});
		expect(updated.error).toBeNull();
		expect(updated.data.user?.app_metadata).toMatchObject({ provider: 'email', role: 'admin' });

		const fetched = await admin.auth.admin.getUserById(user.id);
		expect(fetched.data.user?.user_metadata).toEqual({ display_name: 'Verwaltung' });

		expect((await admin.auth.admin.deleteUser(user.id)).error).toBeNull();
		createdUsers.delete(user.id);
		const gone = await admin.auth.admin.getUserById(user.id);
		expect(gone.error?.status).toBe(404);
	});

	it('generates magic links whose hashed token verifies', async () => {
		const { email: address, user } = await signUp();
		const { data, error } = await admin.auth.admin.generateLink({
			type: 'magiclink',
			email: address
		});
		expect(error).toBeNull();
		expect(data.user?.id).toBe(user.id);
		expect(data.properties?.action_link).toContain('/auth/v1/verify?token=');
		expect(data.properties?.email_otp).toMatch(/^\d{6}$/);
		const verified = await client().auth.verifyOtp({
			token_hash: data.properties!.hashed_token,
			type: 'magiclink'
		});
		expect(verified.error).toBeNull();
		expect(verified.data.session?.user.id).toBe(user.id);
	});
});

describe('gateway', () => {
	it('requires a valid API key like Kong', async () => {
		const missing = await fetch(`${url}/auth/v1/settings`);
		expect(missing.status).toBe(401);
		const forged = await fetch(`${url}/auth/v1/settings`, {
			headers: { apikey: `${anonKey.slice(0, -4)}AAAA` }
		});
		expect(forged.status).toBe(401);
		expect((await forged.json()).message).toBe('Invalid API key');
		const ok = await fetch(`${url}/auth/v1/settings`, { headers: { apikey: anonKey } });
		expect(ok.status).toBe(200);
		expect((await ok.json()).external.email).toBe(true);
	});

	it('answers CORS preflights for supabase-js headers', async () => {
		const response = await fetch(`${url}/rest/v1/anything`, {
			method: 'OPTIONS',
			headers: {
				origin: 'http://127.0.0.1:5173',
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'apikey, authorization, x-client-info, prefer'
			}
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		const allowed = response.headers.get('access-control-allow-headers') ?? '';
		for (const header of ['apikey', 'authorization', 'x-client-info', 'prefer', 'range']) {
			expect(allowed).toContain(header);
		}
	});

	it('shows the outbox as escaped German HTML and as JSON, newest first', async () => {
		const db = new pg.Client({ connectionString: inject('dbUrl') });
		await db.connect();
		const marker = `outbox-${run}`;
		try {
			await db.query(
				`insert into auth.outbox (recipient, subject, body, link, otp)
				values ($1, $2, $3, $4, '123456'), ($1, 'zweite', 'b', null, null)`,
				[
					`${marker}@example.org`,
					'<script>alert("x")</script>',
					'<img src=x onerror=alert(1)>',
					'javascript:alert(1)'
				]
			);
			const page = await fetch(`${url}/_outbox`);
			expect(page.status).toBe(200);
			expect(page.headers.get('content-type')).toContain('text/html');
			const html = await page.text();
			expect(html).toContain('<html lang="de">');
			expect(html).toContain('Postausgang');
			expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
			expect(html).not.toContain('<script>');
			expect(html).not.toContain('<img');
			expect(html).not.toContain('href="javascript:');
			const mails = (await (await fetch(`${url}/_outbox.json`)).json()) as OutboxMail[];
			const mine = mails.filter((m) => m.recipient === `${marker}@example.org`);
			expect(mine.map((m) => m.subject)).toEqual(['zweite', '<script>alert("x")</script>']);
		} finally {
			await db.query('delete from auth.outbox where recipient = $1', [`${marker}@example.org`]);
			await db.end();
		}
	});
});

beforeAll(async () => {
	const health = await fetch(`${url}/auth/v1/health`);
	expect(health.status).toBe(200);
});
