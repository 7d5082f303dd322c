// Two years of meetings around "today": every body in its own rhythm, no meetings in the summer and
// Christmas breaks, a few joint and special meetings, a few cancelled.
import type { TablesInsert } from '../../src/lib/database.types.ts';
import { addDays, addMinutes, localTime, nextWeekday } from './calendar.ts';
import {
	COMMITTEES,
	COUNCIL,
	DISTRICT_COUNCILS,
	PUBLISHED_AT,
	type OrgDef,
	type WithId
} from './bodies.ts';
import type { Council } from './council.ts';
import type { Random } from './random.ts';

/** Days from the invitation (Einladung) to the meeting: the Ladungsfrist plus a margin. */
export const INVITATION_DAYS = 12;
/** Upcoming meetings up to this many days ahead already have an agenda. */
export const AGENDA_HORIZON_DAYS = 50;
/** The results protocol is published this many days after the meeting. */
export const PROTOCOL_DAYS = 14;

export interface MeetingPlan {
	row: WithId<TablesInsert<'meetings'>>;
	orgKeys: string[];
	date: string;
	number: number;
	invitationDate: string;
	past: boolean;
	/** Not cancelled, published and no further ahead than the agenda horizon. */
	hasAgenda: boolean;
}

export interface Schedule {
	meetings: MeetingPlan[];
	meetingOrganizations: TablesInsert<'meeting_organizations'>[];
	/** Meetings with an agenda per organisation key, by date. */
	byOrg: Record<string, MeetingPlan[]>;
	rangeStart: string;
	rangeEnd: string;
}

function isBreak(date: string): boolean {
	const md = date.slice(5);
	return (md >= '07-06' && md <= '08-18') || md >= '12-19' || md <= '01-07';
}

function genitiveList(defs: OrgDef[]): string {
	return defs.map((d) => d.genitive).join(' und ');
}

export function scheduleMeetings(rng: Random, council: Council, today: string): Schedule {
	const rangeStart = addDays(today, -362);
	const rangeEnd = addDays(today, 367);
	const horizon = addDays(today, AGENDA_HORIZON_DAYS);
	const slots: { date: string; defs: OrgDef[]; special?: boolean }[] = [];

	for (const def of [COUNCIL, ...DISTRICT_COUNCILS, ...COMMITTEES]) {
		const cadence = def.cadence as NonNullable<OrgDef['cadence']>;
		const orgRng = rng.fork(`schedule:${def.key}`);
		for (let d = addDays(rangeStart, orgRng.int(0, cadence.every - 1)); d <= rangeEnd;) {
			const date = nextWeekday(d, cadence.weekday);
			if (date <= rangeEnd && !isBreak(date)) slots.push({ date, defs: [def] });
			d = addDays(d, cadence.every + orgRng.int(-3, 3));
		}
	}
	const committee = (key: string) => COMMITTEES.find((c) => c.key === key) as OrgDef;
	// Joint meetings (OParl Meeting.organization has several entries) and unpublished specials.
	slots.push({
		date: nextWeekday(addDays(today, -130), 4),
		defs: [committee('uwa'), committee('ova')]
	});
	slots.push({
		date: nextWeekday(addDays(today, 17), 5),
		defs: [committee('pla'), committee('awm')]
	});
	slots.push({ date: nextWeekday(addDays(today, 100), 4), defs: [COUNCIL], special: true });
	slots.push({
		date: nextWeekday(addDays(today, 60), 2),
		defs: [DISTRICT_COUNCILS[3]],
		special: true
	});
	slots.sort((a, b) => a.date.localeCompare(b.date) || a.defs[0].key.localeCompare(b.defs[0].key));

	const counters: Record<string, number> = {};
	const meetings: MeetingPlan[] = [];
	const meetingOrganizations: Schedule['meetingOrganizations'] = [];
	for (const slot of slots) {
		const lead = slot.defs[0];
		const cadence = lead.cadence as NonNullable<OrgDef['cadence']>;
		// Number 1 of every body was its constituent meeting in November 2025, before the range.
		const number = (counters[lead.key] = (counters[lead.key] ?? 1) + 1);
		const name = slot.special
			? `Sondersitzung ${lead.genitive}`
			: slot.defs.length > 1
				? `Gemeinsame Sitzung ${genitiveList(slot.defs)}`
				: `${number}. Sitzung ${lead.genitive}`;
		const start = localTime(slot.date, cadence.time);
		const past = slot.date < today;
		const invitationDate = addDays(slot.date, -INVITATION_DAYS);
		// The calendar for the coming months is published well ahead; specials are still drafts.
		const calendarDate = addDays(slot.date, -330);
		const publishedAt = slot.special
			? null
			: calendarDate < PUBLISHED_AT.slice(0, 10)
				? PUBLISHED_AT
				: localTime(calendarDate, '09:00');
		const id = rng.uuid();
		meetings.push({
			row: {
				id,
				body_id: council.body.id,
				name,
				meeting_state: past
					? 'durchgefuehrt'
					: invitationDate <= today
						? 'eingeladen'
						: 'terminiert',
				cancelled: false,
				start_at: start,
				end_at: past ? addMinutes(start, rng.int(8, 20) * 15) : null,
				location_id: council.locationId[cadence.location],
				published_at: publishedAt
			},
			orgKeys: slot.defs.map((d) => d.key),
			date: slot.date,
			number,
			invitationDate,
			past,
			hasAgenda: publishedAt !== null && slot.date <= horizon
		});
		for (const def of slot.defs) {
			meetingOrganizations.push({ meeting_id: id, organization_id: council.orgId[def.key] });
		}
	}

	// A few meetings are called off: some in the past (they were invited, then cancelled) and one
	// of the invited upcoming ones.
	const cancel = (m: MeetingPlan) => {
		m.row.cancelled = true;
		m.row.meeting_state = 'eingeladen';
		m.row.end_at = null;
		m.hasAgenda = false;
	};
	const pastCandidates = meetings.filter(
		(m) =>
			m.past && m.orgKeys.length === 1 && m.orgKeys[0] !== 'rat' && m.date > addDays(today, -300)
	);
	for (const m of rng.sample(pastCandidates, 5)) cancel(m);
	const upcoming = meetings.filter(
		(m) => !m.past && m.row.meeting_state === 'eingeladen' && m.orgKeys[0].startsWith('bv')
	);
	if (upcoming.length > 0) cancel(upcoming[upcoming.length - 1]);

	const byOrg: Record<string, MeetingPlan[]> = {};
	for (const m of meetings) {
		if (!m.hasAgenda) continue;
		for (const key of m.orgKeys) (byOrg[key] ??= []).push(m);
	}
	return { meetings, meetingOrganizations, byOrg, rangeStart, rangeEnd };
}

/** The first meeting of a body with an agenda on or after `from`, if any. */
export function nextMeeting(
	schedule: Schedule,
	orgKey: string,
	from: string
): MeetingPlan | undefined {
	return schedule.byOrg[orgKey]?.find((m) => m.date >= from);
}
