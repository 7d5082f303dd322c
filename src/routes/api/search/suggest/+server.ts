import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { autocomplete, SearchError } from '$lib/server/search';
import type { RequestHandler } from './$types';

const term = v.pipe(v.string(), v.trim(), v.maxLength(100, 'Höchstens 100 Zeichen.'));

export const GET: RequestHandler = async ({ url, locals }) => {
	const q = v.safeParse(term, url.searchParams.get('q') ?? '');
	if (!q.success) return json({ message: q.issues[0].message }, { status: 400 });
	if (q.output.length < 2) return json([]);
	try {
		return json(await autocomplete(locals.supabase, q.output), {
			headers: { 'cache-control': 'private, max-age=60' }
		});
	} catch (e) {
		if (e instanceof SearchError) return json({ message: e.message }, { status: 503 });
		throw e;
	}
};
