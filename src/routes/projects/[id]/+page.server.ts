import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { env } from '$env/dynamic/public';
import { fieldErrors } from '$lib/auth-forms';
import {
	commentErrorMessage,
	commentForm,
	commentIdForm,
	parsePin,
	reportForm,
	THREADS_PER_PAGE
} from '$lib/comments';
import { tileConfig } from '$lib/map/config';
import { getProject, projectId } from '$lib/projects';
import { createComment, ensureConsent, hasConsent, loadThreads } from '$lib/server/comments';
import { isModeratorRole, roleOf } from '$lib/server/moderation';
import type { Actions, PageServerLoad } from './$types';

const pageParam = v.pipe(
	v.optional(v.string(), '1'),
	v.regex(/^\d{1,5}$/, 'Die Seitenzahl der Beiträge muss eine positive ganze Zahl sein.'),
	v.transform(Number),
	v.minValue(1, 'Die Seitenzahl der Beiträge muss mindestens 1 sein.')
);

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = v.safeParse(projectId, params.id);
	if (!id.success) error(400, id.issues[0].message);
	const page = v.safeParse(pageParam, url.searchParams.get('seite') ?? undefined);
	if (!page.success) error(400, page.issues[0].message);
	const project = await getProject(locals.supabase, id.output);
	if (!project) error(404, 'Dieses Projekt gibt es nicht oder es ist nicht veröffentlicht.');
	const user = await locals.getUser();
	const [discussion, role, consentGivenAt] = await Promise.all([
		loadThreads(locals.supabase, project.id, page.output, user?.id ?? null),
		roleOf(locals.supabase, user?.id ?? null),
		user ? hasConsent(locals.supabase, user.id) : Promise.resolve(null)
	]);
	return {
		project,
		...discussion,
		page: page.output,
		pages: Math.max(1, Math.ceil(discussion.total / THREADS_PER_PAGE)),
		isModerator: isModeratorRole(role),
		consentGivenAt,
		tiles: tileConfig(env)
	};
};

async function signedIn(locals: App.Locals) {
	const user = await locals.getUser();
	if (!user) return null;
	return user;
}

const notSignedIn = (form: string) =>
	fail(401, { form, errors: { form: 'Bitte melden Sie sich an, um mitzumachen.' } });

export const actions: Actions = {
	comment: async ({ request, locals, params }) => {
		const raw = Object.fromEntries(await request.formData());
		const values = {
			body: typeof raw.body === 'string' ? raw.body : '',
			parent_id: typeof raw.parent_id === 'string' ? raw.parent_id : '',
			pin_lng: typeof raw.pin_lng === 'string' ? raw.pin_lng : '',
			pin_lat: typeof raw.pin_lat === 'string' ? raw.pin_lat : ''
		};
		const form = values.parent_id ? `reply-${values.parent_id}` : 'comment';
		const user = await signedIn(locals);
		if (!user) return notSignedIn(form);
		const id = v.safeParse(projectId, params.id);
		if (!id.success) return fail(400, { form, values, errors: { form: id.issues[0].message } });
		const parsed = v.safeParse(commentForm, raw);
		const pin = parsePin(raw.pin_lng, raw.pin_lat);
		if (!parsed.success || 'error' in pin) {
			const errors = parsed.success ? {} : fieldErrors(parsed.issues);
			if ('error' in pin) errors.pin = pin.error;
			// The honeypot field is invisible: say so in the form's own message.
			if (errors.website) errors.form = 'Der Beitrag wurde als automatisch ausgefüllt erkannt.';
			return fail(400, { form, values, errors });
		}
		const { data: profile } = await locals.supabase
			.from('profiles')
			.select('display_name')
			.eq('id', user.id)
			.maybeSingle();
		if (!profile?.display_name) {
			return fail(400, {
				form,
				values,
				errors: { form: 'Bitte wählen Sie zuerst in Ihrem Konto ein Pseudonym.' }
			});
		}
		if (raw.consent !== undefined) {
			const consentError = await ensureConsent(locals.supabase, user.id);
			if (consentError) return fail(400, { form, values, errors: { form: consentError.message } });
		}
		if (!(await hasConsent(locals.supabase, user.id))) {
			return fail(400, {
				form,
				values,
				errors: {
					consent:
						'Bitte stimmen Sie der Verarbeitung Ihres Beitrags zu, bevor Sie ihn veröffentlichen.'
				}
			});
		}
		const result = await createComment(locals.supabase, {
			projectId: id.output,
			authorId: user.id,
			body: parsed.output.body,
			parentId: parsed.output.parent_id,
			idempotencyKey: parsed.output.idempotency_key,
			official: parsed.output.official,
			pin: pin.pin
		});
		if (result.error) {
			const status = result.error.code === 'PT429' ? 429 : 400;
			return fail(status, { form, values, errors: { form: commentErrorMessage(result.error) } });
		}
		return { form, saved: true, state: result.state };
	},

	support: async ({ request, locals }) => {
		const user = await signedIn(locals);
		if (!user) return notSignedIn('support');
		const parsed = v.safeParse(commentIdForm, Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { form: 'support', errors: fieldErrors(parsed.issues) });
		const { error: e } = await locals.supabase
			.from('comment_supports')
			.insert({ comment_id: parsed.output.comment_id, user_id: user.id });
		if (e && e.code !== '23505') {
			return fail(400, {
				form: 'support',
				errors: { form: 'Diesen Beitrag können Sie nicht unterstützen (z. B. Ihren eigenen).' }
			});
		}
		return { form: 'support', saved: true };
	},

	unsupport: async ({ request, locals }) => {
		const user = await signedIn(locals);
		if (!user) return notSignedIn('support');
		const parsed = v.safeParse(commentIdForm, Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { form: 'support', errors: fieldErrors(parsed.issues) });
		await locals.supabase
			.from('comment_supports')
			.delete()
			.eq('comment_id', parsed.output.comment_id)
			.eq('user_id', user.id);
		return { form: 'support', saved: true };
	},

	report: async ({ request, locals }) => {
		const user = await signedIn(locals);
		if (!user) return notSignedIn('report');
		const raw = Object.fromEntries(await request.formData());
		const parsed = v.safeParse(reportForm, raw);
		const form = `report-${String(raw.comment_id ?? '')}`;
		if (!parsed.success) return fail(400, { form, errors: fieldErrors(parsed.issues) });
		const { error: e } = await locals.supabase.from('comment_reports').insert({
			comment_id: parsed.output.comment_id,
			reporter_id: user.id,
			reason: parsed.output.reason,
			note: parsed.output.note || null
		});
		if (e && e.code !== '23505') {
			return fail(400, { form, errors: { form: 'Dieser Beitrag kann nicht gemeldet werden.' } });
		}
		return { form, saved: true };
	},

	withdraw: async ({ request, locals }) => {
		const user = await signedIn(locals);
		if (!user) return notSignedIn('withdraw');
		const parsed = v.safeParse(commentIdForm, Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { form: 'withdraw', errors: fieldErrors(parsed.issues) });
		const { data, error: e } = await locals.supabase
			.from('comments')
			.update({ state: 'removed_by_author' })
			.eq('id', parsed.output.comment_id)
			.eq('author_id', user.id)
			.select('id');
		if (e || !data?.length) {
			return fail(400, {
				form: 'withdraw',
				errors: { form: e?.message ?? 'Nur eigene Beiträge können zurückgezogen werden.' }
			});
		}
		return { form: 'withdraw', saved: true };
	}
};
