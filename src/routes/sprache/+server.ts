// Language switch as a plain link, so it works without JavaScript.
import { redirect } from '@sveltejs/kit';
import { safeRedirect } from '$lib/auth-forms';
import { isLocale, localeCookie } from '$lib/i18n';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, cookies }) => {
	const lang = url.searchParams.get('lang');
	if (isLocale(lang)) {
		cookies.set(localeCookie, lang, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
	redirect(303, safeRedirect(url.searchParams.get('next')));
};
