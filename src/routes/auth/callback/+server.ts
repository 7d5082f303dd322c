// Where the magic link lands (PKCE): trade the one-time code for a session cookie.
import { redirect } from '@sveltejs/kit';
import { safeRedirect } from '$lib/auth-forms';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const code = url.searchParams.get('code');
	const next = safeRedirect(url.searchParams.get('next'));
	if (code) {
		const { error } = await locals.supabase.auth.exchangeCodeForSession(code);
		if (!error) redirect(303, next);
	}
	redirect(303, `/login?fehler=link&next=${encodeURIComponent(next)}`);
};
