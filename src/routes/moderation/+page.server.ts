import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/auth-forms';
import { commentStates } from '$lib/comments';
import { addNote, decide, isModeratorRole, moderationQueue, roleOf } from '$lib/server/moderation';
import type { Actions, PageServerLoad } from './$types';

const queueFilter = v.object({
	status: v.optional(v.picklist([...commentStates, 'reported', ''], 'Unbekannter Status.'), ''),
	projekt: v.optional(
		v.union([v.literal(''), v.pipe(v.string(), v.uuid('Die Projektkennung ist ungültig.'))]),
		''
	)
});

async function requireModerator(locals: App.Locals) {
	const user = await locals.getUser();
	if (!user) return null;
	return isModeratorRole(await roleOf(locals.supabase, user.id)) ? user : null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!(await requireModerator(locals)))
		error(403, 'Diese Seite ist der Moderation vorbehalten. Bitte melden Sie sich an.');
	const parsed = v.safeParse(queueFilter, Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, parsed.issues[0].message);
	const { status, projekt } = parsed.output;
	const items = await moderationQueue(locals.supabase, {
		projectId: projekt || undefined,
		state: status || undefined
	});
	return { items, status, projekt };
};

const decision = v.object({
	comment_id: v.pipe(v.string(), v.uuid('Der Beitrag ist ungültig.')),
	decision: v.picklist(['approve', 'hide', 'restore', 'remove'], 'Unbekannte Entscheidung.')
});
const note = v.object({
	comment_id: v.pipe(v.string(), v.uuid('Der Beitrag ist ungültig.')),
	body: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Bitte schreiben Sie eine Notiz.'),
		v.maxLength(2000, 'Eine Notiz darf höchstens 2.000 Zeichen lang sein.')
	)
});

export const actions: Actions = {
	decide: async ({ request, locals }) => {
		const user = await requireModerator(locals);
		if (!user) return fail(403, { errors: { form: 'Nur für die Moderation.' } });
		const parsed = v.safeParse(decision, Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.issues) });
		const message = await decide(
			locals.supabase,
			parsed.output.comment_id,
			parsed.output.decision,
			user.id
		);
		if (message) return fail(400, { id: parsed.output.comment_id, errors: { form: message } });
		return { id: parsed.output.comment_id, saved: true };
	},
	note: async ({ request, locals }) => {
		const user = await requireModerator(locals);
		if (!user) return fail(403, { errors: { form: 'Nur für die Moderation.' } });
		const raw = Object.fromEntries(await request.formData());
		const parsed = v.safeParse(note, raw);
		if (!parsed.success)
			return fail(400, {
				id: String(raw.comment_id ?? ''),
				body: String(raw.body ?? ''),
				errors: fieldErrors(parsed.issues)
			});
		const message = await addNote(
			locals.supabase,
			parsed.output.comment_id,
			user.id,
			parsed.output.body
		);
		if (message) return fail(400, { id: parsed.output.comment_id, errors: { form: message } });
		return { id: parsed.output.comment_id, saved: true };
	}
};
