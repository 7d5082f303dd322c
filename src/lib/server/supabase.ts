// One Supabase client per request, carrying the user's session in cookies (@supabase/ssr).
import { createServerClient } from '@supabase/ssr';
import type { Cookies } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import type { Database } from '$lib/database.types';

export function supabaseConfig() {
	const url = env.PUBLIC_SUPABASE_URL;
	const anonKey = env.PUBLIC_SUPABASE_ANON_KEY;
	if (!url || !anonKey) {
		throw new Error(
			'PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are not set: start the app with `npm start`.'
		);
	}
	return { url, anonKey };
}

export function createRequestClient(cookies: Cookies) {
	const { url, anonKey } = supabaseConfig();
	return createServerClient<Database>(url, anonKey, {
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (toSet) => {
				for (const { name, value, options } of toSet)
					cookies.set(name, value, { ...options, path: '/' });
			}
		}
	});
}

/** Whether the request carries a Supabase session (its cookies start with `sb-`). */
export const hasSession = (cookies: Cookies) =>
	cookies.getAll().some((cookie) => cookie.name.startsWith('sb-'));
