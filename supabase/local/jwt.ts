// HS256 JWTs as the Supabase CLI stack issues them: long-lived API keys (anon, service_role) and
// short-lived user access tokens that PostgREST and Storage verify with the same shared secret.
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/** Claims of every JWT this stack issues or accepts; `role` picks the Postgres role. */
export interface JwtClaims extends JWTPayload {
	role?: string;
	email?: string;
	phone?: string;
	session_id?: string;
	app_metadata?: Record<string, unknown>;
	user_metadata?: Record<string, unknown>;
	is_anonymous?: boolean;
	aal?: string;
	amr?: { method: string; timestamp: number }[];
}

/** The user fields that go into an access token. */
export interface TokenUser {
	id: string;
	email: string | null;
	phone: string | null;
	app_metadata: Record<string, unknown>;
	user_metadata: Record<string, unknown>;
	is_anonymous: boolean;
}

export interface AccessTokenOptions {
	/** `iss` claim; GoTrue uses its own URL (`…/auth/v1`). */
	issuer?: string;
	/** How the user signed in, for the `amr` claim (password, otp, magiclink, pkce, token_refresh). */
	method?: string;
}

// The Supabase CLI's demo keys expire in 2032 and carry no `iat`; same shape here.
const API_KEY_EXPIRY = 1983812996;

function keyFor(secret: string): Uint8Array {
	return new TextEncoder().encode(secret);
}

export async function signJwt(secret: string, claims: JwtClaims): Promise<string> {
	return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(keyFor(secret));
}

/** Verifies signature and expiry; throws (jose errors) when the token is not acceptable. */
export async function verifyJwt(secret: string, token: string): Promise<JwtClaims> {
	const { payload } = await jwtVerify(token, keyFor(secret), { algorithms: ['HS256'] });
	return payload as JwtClaims;
}

export async function makeApiKeys(
	secret: string
): Promise<{ anonKey: string; serviceRoleKey: string }> {
	const [anonKey, serviceRoleKey] = await Promise.all([
		signJwt(secret, { iss: 'supabase-demo', role: 'anon', exp: API_KEY_EXPIRY }),
		signJwt(secret, { iss: 'supabase-demo', role: 'service_role', exp: API_KEY_EXPIRY })
	]);
	return { anonKey, serviceRoleKey };
}

export async function signAccessToken(
	secret: string,
	user: TokenUser,
	sessionId: string,
	expiresIn: number,
	options: AccessTokenOptions = {}
): Promise<{ accessToken: string; expiresAt: number }> {
	const iat = Math.floor(Date.now() / 1000);
	const expiresAt = iat + expiresIn;
	const claims: JwtClaims = {
		iss: options.issuer,
		sub: user.id,
		aud: 'authenticated',
		exp: expiresAt,
		iat,
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: user.app_metadata,
		user_metadata: user.user_metadata,
		role: 'authenticated',
		aal: 'aal1',
		amr: [{ method: options.method ?? 'password', timestamp: iat }],
		session_id: sessionId,
		is_anonymous: user.is_anonymous
	};
	if (claims.iss === undefined) delete claims.iss;
	return { accessToken: await signJwt(secret, claims), expiresAt };
}
