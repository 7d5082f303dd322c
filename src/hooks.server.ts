import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { localeCookie, resolveLocale } from '$lib/i18n';
import { acceptsGzip, gzipped } from '$lib/server/compression';
import { createRequestClient, hasSession } from '$lib/server/supabase';

const supabase: Handle = async ({ event, resolve }) => {
	event.locals.supabase = createRequestClient(event.cookies);
	let verified: Promise<Awaited<ReturnType<App.Locals['getUser']>>> | undefined;
	// getUser() asks the auth server, so a forged or revoked cookie is never trusted.
	event.locals.getUser = () =>
		(verified ??= event.locals.supabase.auth
			.getUser()
			.then(({ data, error }) => (error ? null : data.user)));
	return resolve(event, {
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
};

const locale: Handle = async ({ event, resolve }) => {
	event.locals.locale = resolveLocale(
		event.cookies.get(localeCookie),
		event.request.headers.get('accept-language')
	);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self)');
	if (event.locals.supabase && hasSession(event.cookies)) {
		// Pages for signed-in users may hold non-public content: never store them in shared caches.
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/** Text the app renders itself: pages, their data, feeds, exports (static files come precompressed). */
const compressible = /^(text\/|application\/([\w.-]+\+)?(json|xml))/;

/**
 * Pages and data leave gzipped for anonymous visitors, on a phone a fifth of the bytes. Not for
 * signed-in users: their pages can hold secrets (signed links to non-public files) beside text
 * the visitor chose (a search term), and compressed sizes would let an eavesdropper guess the
 * secrets (BREACH).
 */
const compress: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const compress =
		acceptsGzip(event.request) &&
		!response.headers.has('content-encoding') &&
		compressible.test(response.headers.get('content-type') ?? '') &&
		!hasSession(event.cookies);
	return compress ? gzipped(response) : response;
};

export const handle = sequence(compress, locale, supabase, securityHeaders);
