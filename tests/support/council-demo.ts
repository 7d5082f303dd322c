// Ids of demo rows that the council page tests walk through, found with a superuser query so the
// tests do not depend on generated ids: a past meeting of the demo council member's body that has
// a non-public part, its public papers, its body, a faction and a person.
import pg from 'pg';
import { inject } from 'vitest';

export const MEMBER_EMAIL = 'ratsmitglied@rheinstadt.example';
export const DEMO_PASSWORD = 'Demo-Passwort-2026';

export interface CouncilDemo {
	meetingId: string;
	meetingName: string;
	meetingMonth: string;
	organizationId: string;
	nonPublicCount: number;
	nonPublicNames: string[];
	publicPaperIds: string[];
	nonPublicPaperId: string;
	factionId: string;
	personId: string;
	personName: string;
	cancelledMeetingId: string;
}

export async function councilDemo(): Promise<CouncilDemo> {
	const db = new pg.Client({ connectionString: inject('dbUrl') });
	await db.connect();
	try {
		const one = async (sql: string, params: unknown[] = []) => {
			const { rows } = await db.query(sql, params);
			if (!rows[0]) throw new Error(`demo data missing for: ${sql}`);
			return rows[0];
		};
		const meeting = await one(
			`select m.id, m.name, to_char(m.start_at at time zone 'Europe/Berlin', 'YYYY-MM') as month,
			        mo.organization_id
			   from meetings m
			   join meeting_organizations mo on mo.meeting_id = m.id
			   join memberships ms on ms.organization_id = mo.organization_id
			    and ms.start_date <= current_date and (ms.end_date is null or ms.end_date >= current_date)
			   join profiles p on p.person_id = ms.person_id
			   join auth.users u on u.id = p.id and u.email = $1
			  where m.published_at <= now() and m.start_at < now() and not m.cancelled
			    and exists (select 1 from agenda_items a where a.meeting_id = m.id and not a.public
			                  and a.published_at <= now())
			    and exists (select 1 from agenda_items a join consultations c on c.agenda_item_id = a.id
			                  join papers pa on pa.id = c.paper_id
			                 where a.meeting_id = m.id and a.public and pa.main_file_id is not null)
			  order by m.start_at desc limit 1`,
			[MEMBER_EMAIL]
		);
		const { rows: secret } = await db.query(
			`select name from agenda_items where meeting_id = $1 and not public and published_at <= now()`,
			[meeting.id]
		);
		const { rows: papers } = await db.query(
			`select distinct c.paper_id from consultations c join agenda_items a on a.id = c.agenda_item_id
			  where a.meeting_id = $1 and a.public`,
			[meeting.id]
		);
		const secretPaper = await one(
			`select c.paper_id from consultations c join agenda_items a on a.id = c.agenda_item_id
			  where a.meeting_id = $1 and not a.public limit 1`,
			[meeting.id]
		);
		const faction = await one(
			`select o.id from organizations o where o.organization_type = 'faction'
			    and exists (select 1 from memberships m where m.organization_id = o.id)
			  order by o.name limit 1`
		);
		const person = await one(
			`select p.id, p.name from persons p join memberships m on m.person_id = p.id
			  where m.organization_id = $1 order by p.family_name limit 1`,
			[faction.id]
		);
		const cancelled = await one(
			`select id from meetings where cancelled and published_at <= now()
			    and start_at > now() - interval '300 days' order by start_at desc limit 1`
		);
		return {
			meetingId: meeting.id,
			meetingName: meeting.name,
			meetingMonth: meeting.month,
			organizationId: meeting.organization_id,
			nonPublicCount: secret.length,
			nonPublicNames: secret.map((r) => r.name as string),
			publicPaperIds: papers.map((r) => r.paper_id as string),
			nonPublicPaperId: secretPaper.paper_id,
			factionId: faction.id,
			personId: person.id,
			personName: person.name,
			cancelledMeetingId: cancelled.id
		};
	} finally {
		await db.end();
	}
}
