import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors, safeRedirect } from '$lib/auth-forms';
import { PARTICIPATION_CONSENT_VERSION } from '$lib/comments';
import { ensureConsent, hasConsent } from '$lib/server/comments';
import type { Actions, PageServerLoad } from './$types';

/** A pseudonym: what others see. An e-mail address would defeat its purpose. */
const pseudonym = v.object({
	display_name: v.pipe(
		v.string('Bitte wählen Sie ein Pseudonym.'),
		v.trim(),
		v.minLength(2, 'Ein Pseudonym hat mindestens 2 Zeichen.'),
		v.maxLength(40, 'Ein Pseudonym hat höchstens 40 Zeichen.'),
		v.check((s) => !s.includes('@'), 'Bitte verwenden Sie keine E-Mail-Adresse als Pseudonym.'),
		v.regex(/^[^<>]*$/, 'Bitte verwenden Sie keine spitzen Klammern.')
	)
});

const confirmDelete = v.object({
	confirm: v.literal('LÖSCHEN', 'Bitte geben Sie zur Bestätigung LÖSCHEN ein.')
});

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
			return fail(401, { form: 'pseudonym', errors: { form: 'Bitte melden Sie sich an.' } });
		const raw = Object.fromEntries(await request.formData());
		const parsed = v.safeParse(pseudonym, raw);
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
		if (!user) return fail(401, { form: 'consent', errors: { form: 'Bitte melden Sie sich an.' } });
		const error = await ensureConsent(locals.supabase, user.id);
		if (error) return fail(400, { form: 'consent', errors: { form: error.message } });
		return { form: 'consent', saved: true };
	},
	delete: async ({ request, locals }) => {
		const user = await locals.getUser();
		if (!user) return fail(401, { form: 'delete', errors: { form: 'Bitte melden Sie sich an.' } });
		const parsed = v.safeParse(confirmDelete, Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { form: 'delete', errors: fieldErrors(parsed.issues) });
		const { error } = await locals.supabase.rpc('delete_own_account');
		if (error) return fail(400, { form: 'delete', errors: { form: error.message } });
		await locals.supabase.auth.signOut({ scope: 'local' });
		redirect(303, '/?konto=geloescht');
	}
};
