import { calendarResponse } from '$lib/server/council-routes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) =>
	calendarResponse(locals.supabase, {
		origin: url.origin,
		name: 'Sitzungen – Stadt Rheinstadt',
		filename: 'sitzungen.ics'
	});
