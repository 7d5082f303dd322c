// Planner pages and exports: a valid project id (400), a visible project (404), a moderator (403).
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { getProject, projectId } from '$lib/projects';
import { isModeratorRole, roleOf } from '$lib/server/moderation';

export async function plannerProject(locals: App.Locals, id: string) {
	const parsed = v.safeParse(projectId, id);
	if (!parsed.success) error(400, parsed.issues[0].message);
	const user = await locals.getUser();
	if (!user || !isModeratorRole(await roleOf(locals.supabase, user.id)))
		error(403, 'Exporte und Statistik sind der Moderation und der Redaktion vorbehalten.');
	const project = await getProject(locals.supabase, parsed.output);
	if (!project) error(404, 'Dieses Projekt gibt es nicht.');
	return project;
}
