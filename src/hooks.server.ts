import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { localeCookie, resolveLocale } from '$lib/i18n';
import { createRequestClient } from '$lib/server/supabase';

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
	if (event.locals.supabase && event.cookies.getAll().some((c) => c.name.startsWith('sb-'))) {
		// Pages for signed-in users may hold non-public content: never store them in shared caches.
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

export const handle = sequence(locale, supabase, securityHeaders);
