import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors, magicLinkLogin, passwordLogin, safeRedirect } from '$lib/auth-forms';
import messages from '$lib/i18n/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (await locals.getUser()) redirect(303, safeRedirect(url.searchParams.get('next')));
	return {
		next: safeRedirect(url.searchParams.get('next')),
		failed: url.searchParams.has('fehler')
	};
};

export const actions: Actions = {
	password: async ({ request, locals, url }) => {
		const form = Object.fromEntries(await request.formData());
		const email = String(form.email ?? '');
		const parsed = v.safeParse(passwordLogin, form, { lang: locals.locale });
		if (!parsed.success)
			return fail(400, { form: 'password', email, errors: fieldErrors(parsed.issues) });
		const { error } = await locals.supabase.auth.signInWithPassword(parsed.output);
		if (error) {
			const t = messages[locals.locale];
			const message =
				error.code === 'invalid_credentials' ? t.wrongCredentials : t.signInFailed(error.message);
			return fail(400, { form: 'password', email, errors: { form: message } });
		}
		redirect(303, safeRedirect(url.searchParams.get('next')));
	},
	magic: async ({ request, locals, url }) => {
		const form = Object.fromEntries(await request.formData());
		const email = String(form.email ?? '');
		const parsed = v.safeParse(magicLinkLogin, form, { lang: locals.locale });
		if (!parsed.success)
			return fail(400, { form: 'magic', email, errors: fieldErrors(parsed.issues) });
		const callback = new URL('/auth/callback', url.origin);
		callback.searchParams.set('next', safeRedirect(url.searchParams.get('next')));
		const { error } = await locals.supabase.auth.signInWithOtp({
			email: parsed.output.email,
			options: { emailRedirectTo: callback.href, shouldCreateUser: true }
		});
		if (error) {
			return fail(400, {
				form: 'magic',
				email,
				errors: { form: messages[locals.locale].linkNotSent(error.message) }
			});
		}
		return { form: 'magic', email, sent: true };
	}
};
