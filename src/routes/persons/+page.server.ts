import { error } from '@sveltejs/kit';
import { personsQuery, queryOrError } from '$lib/council-params';
import { listOrganizations } from '$lib/organizations';
import { listPersons } from '$lib/persons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = queryOrError(personsQuery, url.searchParams, locals.locale);
	const [factions, persons] = await Promise.all([
		listOrganizations(locals.supabase, { type: 'faction' }),
		listPersons(locals.supabase, { factionId: query.fraktion })
	]);
	const faction = query.fraktion ? factions.find((f) => f.id === query.fraktion) : undefined;
	if (query.fraktion && !faction) error(404, 'Diese Fraktion gibt es nicht.');
	return { query, factions, faction, persons };
};
