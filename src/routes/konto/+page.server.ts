import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { deleteAccountForm, fieldErrors, pseudonymForm, safeRedirect } from '$lib/auth-forms';
import { PARTICIPATION_CONSENT_VERSION } from '$lib/comments';
import messages from '$lib/i18n/auth';
import { ensureConsent, hasConsent } from '$lib/server/comments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = await locals.getUser();
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const [consentGivenAt, own] = await Promise.all([
		hasConsent(locals.supabase, user.id),
		locals.supabase
			.from('comments')
			.select('id, project_id, body, state, created_at, projects(title)')
			.eq('author_id', user.id)
			.order('created_at', { ascending: false })
			.limit(50)
	]);
	return {
		consentGivenAt,
		consentVersion: PARTICIPATION_CONSENT_VERSION,
		next: safeRedirect(url.searchParams.get('next'), ''),
		comments: (own.data ?? []).map((c) => ({
			id: c.id,
			projectId: c.project_id,
			projectTitle: (c.projects as { title: string } | null)?.title ?? '',
			body: c.body,
			state: c.state,
			createdAt: c.created_at
		}))
	};
};

export const actions: Actions = {
	pseudonym: async ({ request, locals, url }) => {
		const user = await locals.getUser();
		if (!user)
			return fail(401, {
				form: 'pseudonym',
				errors: { form: messages[locals.locale].signInFirst }
			});
		const raw = Object.fromEntries(await request.formData());
		const parsed = v.safeParse(pseudonymForm, raw, { lang: locals.locale });
		const value = String(raw.display_name ?? '');
		if (!parsed.success)
			return fail(400, { form: 'pseudonym', value, errors: fieldErrors(parsed.issues) });
		const { error } = await locals.supabase
			.from('profiles')
			.update({ display_name: parsed.output.display_name })
			.eq('id', user.id);
		if (error) return fail(400, { form: 'pseudonym', value, errors: { form: error.message } });
		const next = safeRedirect(url.searchParams.get('next'), '');
		if (next) redirect(303, next);
		return { form: 'pseudonym', saved: true };
	},
	consent: async ({ locals }) => {
		const user = await locals.getUser();
		if (!user)
			return fail(401, { form: 'consent', errors: { form: messages[locals.locale].signInFirst } });
		const error = await ensureConsent(locals.supabase, user.id);
		if (error) return fail(400, { form: 'consent', errors: { form: error.message } });
		return { form: 'consent', saved: true };
	},
	delete: async ({ request, locals }) => {
		const user = await locals.getUser();
		if (!user)
			return fail(401, { form: 'delete', errors: { form: messages[locals.locale].signInFirst } });
		const raw = Object.fromEntries(await request.formData());
		const value = String(raw.confirm ?? '');
		const parsed = v.safeParse(deleteAccountForm, raw, { lang: locals.locale });
		if (!parsed.success)
			return fail(400, { form: 'delete', value, errors: fieldErrors(parsed.issues) });
		const { error } = await locals.supabase.rpc('delete_own_account');
		if (error) return fail(400, { form: 'delete', errors: { form: error.message } });
		await locals.supabase.auth.signOut({ scope: 'local' });
		redirect(303, '/?konto=geloescht');
	}
};
