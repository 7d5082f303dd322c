import { error } from '@sveltejs/kit';
import { currentMonth, localDate } from '$lib/calendar-month';
import { meetingsQuery, queryOrError } from '$lib/council-params';
import { listMeetings, meetingsInMonth, meetingsPageSize } from '$lib/meetings';
import { listOrganizations, meetingBodyTypes } from '$lib/organizations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = queryOrError(meetingsQuery, url.searchParams, locals.locale);
	const bodies = (await listOrganizations(locals.supabase)).filter((o) =>
		meetingBodyTypes.includes(o.type)
	);
	const body = query.gremium ? bodies.find((o) => o.id === query.gremium) : undefined;
	if (query.gremium && !body) error(404, 'Dieses Gremium gibt es nicht.');
	const now = new Date();
	const today = localDate(now.toISOString());
	if (query.ansicht === 'kalender') {
		const month = query.monat ?? currentMonth(now);
		const byDay = await meetingsInMonth(locals.supabase, { month, organizationId: body?.id });
		return { query, bodies, body, today, month, byDay: Object.fromEntries(byDay) };
	}
	const { meetings, total } = await listMeetings(locals.supabase, {
		when: query.zeit === 'vergangene' ? 'past' : 'upcoming',
		page: query.seite,
		organizationId: body?.id,
		now
	});
	const pages = Math.max(1, Math.ceil(total / meetingsPageSize));
	if (query.seite > pages) error(404, `Diese Liste hat nur ${pages} Seite(n).`);
	return { query, bodies, body, today, meetings, total, pages };
};
