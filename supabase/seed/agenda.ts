// Agendas: formal items, announcements and questions, the papers in their consultations, a
// Nachtrag here and there, then the non-public part. Past meetings get results and resolutions.
import type { TablesInsert } from '../../src/lib/database.types.ts';
import { addDays, localTime } from './calendar.ts';
import type { Council, WithId } from './council.ts';
import type { MeetingPlan, Schedule } from './meetings.ts';
import { CANARY, type ConsultationPlan, type PaperPlan } from './papers.ts';
import type { Random } from './random.ts';
import { CLOSED_ITEMS, DISTRICTS, OPENINGS, RESOLUTIONS, STREETS, AMTER, fill } from './text.ts';

export type Result =
	'angenommen' | 'abgelehnt' | 'vertagt' | 'zur Kenntnis genommen' | 'geändert angenommen';

export interface ItemPlan {
	row: WithId<TablesInsert<'agenda_items'>>;
	meeting: MeetingPlan;
	consultation?: ConsultationPlan;
}

export function buildAgendas(
	rng: Random,
	council: Council,
	schedule: Schedule,
	papers: PaperPlan[],
	today: string
): ItemPlan[] {
	const byMeeting = new Map<string, ConsultationPlan[]>();
	for (const p of papers) {
		for (const c of p.consultations) {
			if (c.meeting)
				byMeeting.set(c.meeting.row.id, [...(byMeeting.get(c.meeting.row.id) ?? []), c]);
		}
	}
	const items: ItemPlan[] = [];
	for (const meeting of schedule.meetings) {
		if (!meeting.hasAgenda) continue;
		items.push(...agendaOf(rng, council, meeting, byMeeting.get(meeting.row.id) ?? [], today));
	}
	return items;
}

const typeOrder = ['Beschlussvorlage', 'Antrag', 'Änderungsantrag', 'Dringlichkeitsantrag'];

function agendaOf(
	rng: Random,
	council: Council,
	meeting: MeetingPlan,
	consultations: ConsultationPlan[],
	today: string
): ItemPlan[] {
	const lead = council.orgDef[meeting.orgKeys[0]];
	const seats = lead.type === 'council' ? 61 : lead.type === 'district_council' ? 19 : 11;
	const invitation = localTime(meeting.invitationDate, '10:00');
	// Agendas of meetings more than 30 days ahead are still being prepared (no publication date).
	const basePublished = meeting.date <= addDays(today, 30) ? invitation : null;
	const items: ItemPlan[] = [];
	let order = 0;
	const add = (
		number: string,
		name: string,
		extra: Partial<TablesInsert<'agenda_items'>> = {},
		consultation?: ConsultationPlan
	) => {
		const item: ItemPlan = {
			row: {
				id: rng.uuid(),
				meeting_id: meeting.row.id,
				number,
				order: ++order,
				name,
				public: true,
				is_supplement: false,
				published_at: basePublished,
				...extra
			},
			meeting,
			consultation
		};
		if (consultation) consultation.row.agenda_item_id = item.row.id;
		items.push(item);
		return item;
	};
	const vote = (unanimous = false) => {
		const abst = rng.int(0, 3);
		const abstentions = abst === 1 ? '1 Enthaltung' : `${abst} Enthaltungen`;
		if (unanimous) {
			return `Abstimmungsergebnis: einstimmig${abst ? ` bei ${abstentions}` : ''}.`;
		}
		const nein = rng.int(1, Math.max(2, Math.floor(seats / 3)));
		if (rng.chance(0.5)) {
			return `Abstimmungsergebnis: mehrheitlich bei ${nein === 1 ? '1 Gegenstimme' : `${nein} Gegenstimmen`}.`;
		}
		const ja = seats - nein - abst - rng.int(0, 4);
		return `Abstimmungsergebnis: Ja ${ja}, Nein ${nein}, Enthaltungen ${abst}.`;
	};
	const resolve = (result: Result, c?: ConsultationPlan) => {
		if (!meeting.past) return {};
		const next = c?.paper.consultations[(c.row.position as number) + 1];
		const advising = c?.row.role === 'vorberatend' && next;
		const key =
			advising && result === 'angenommen'
				? 'recommended'
				: advising && result === 'geändert angenommen'
					? 'recommendedChanged'
					: result;
		let text = fill(RESOLUTIONS[key], {
			Body: lead.nominative,
			next: next ? council.orgDef[next.orgKey].dative : '',
			what: c?.paper.type === 'Beschlussvorlage' ? 'die Beschlussvorlage' : 'den Antrag'
		});
		if (result === 'angenommen' || result === 'geändert angenommen' || result === 'abgelehnt') {
			text += ` ${vote(result !== 'abgelehnt' && rng.chance(0.45))}`;
		}
		return { result, resolution_text: text };
	};

	const open = consultations.filter((c) => c.paper.row.public);
	const closed = consultations.filter((c) => !c.paper.row.public);
	const announcements = open.filter((c) => c.paper.type === 'Mitteilungsvorlage');
	const questions = open.filter((c) => c.paper.type === 'Anfrage');
	const here = new Set(open.map((c) => c.paper.row.id));
	const derived = open.filter((c) => c.paper.original && here.has(c.paper.original.row.id));
	const urgent = open.filter((c) => c.paper.type === 'Dringlichkeitsantrag');
	const main = open
		.filter(
			(c) =>
				!announcements.includes(c) &&
				!questions.includes(c) &&
				!derived.includes(c) &&
				!urgent.includes(c)
		)
		.sort(
			(a, b) =>
				typeOrder.indexOf(a.paper.type) - typeOrder.indexOf(b.paper.type) ||
				(a.paper.row.reference as string).localeCompare(b.paper.row.reference as string)
		);

	let n = 0;
	add(String(++n), OPENINGS.opening);
	add(
		String(++n),
		fill(OPENINGS.minutes, { n: String(meeting.number - 1) }),
		meeting.past
			? {
					result: 'angenommen',
					resolution_text: `Die Niederschrift über die ${meeting.number - 1}. Sitzung wird in der vorliegenden Fassung genehmigt. ${vote(true)}`
				}
			: {}
	);
	if (announcements.length === 0) {
		add(String(++n), OPENINGS.announcements, resolve('zur Kenntnis genommen'));
	} else {
		add(String(++n), OPENINGS.announcements);
		announcements.forEach((c, i) =>
			add(`${n}.${i + 1}`, c.paper.row.name, resolve('zur Kenntnis genommen', c), c)
		);
	}
	if (questions.length > 0) {
		add(String(++n), OPENINGS.questions);
		questions.forEach((c, i) =>
			add(
				`${n}.${i + 1}`,
				c.paper.row.name,
				meeting.past
					? {
							result: 'zur Kenntnis genommen',
							resolution_text:
								'Die Verwaltung beantwortet die Anfrage; die schriftliche Antwort ist der Niederschrift als Anlage beigefügt.'
						}
					: {},
				c
			)
		);
	}

	const lateExtra = (c: ConsultationPlan) => ({
		is_supplement: true,
		published_at: basePublished && localTime(c.paper.row.date as string, '12:00')
	});
	const outcome = (c: ConsultationPlan): Result => {
		if (
			c.paper.type === 'Antrag' ||
			c.paper.type === 'Änderungsantrag' ||
			c.paper.type === 'Dringlichkeitsantrag'
		) {
			return rng.weighted([
				['angenommen', 45],
				['abgelehnt', 40],
				['vertagt', 15]
			]);
		}
		return rng.weighted([
			['angenommen', 75],
			['geändert angenommen', 8],
			['abgelehnt', 5],
			['vertagt', 12]
		]);
	};
	for (const c of main) {
		const number = String(++n);
		const subs = derived.filter((d) => d.paper.original === c.paper);
		const subResults = subs.map((s) =>
			s.paper.type === 'Änderungsantrag' ? outcome(s) : 'angenommen'
		);
		let result = outcome(c);
		if (
			result === 'angenommen' &&
			subResults.some((r, i) => r === 'angenommen' && subs[i].paper.type === 'Änderungsantrag')
		) {
			result = 'geändert angenommen';
		}
		// Now and then an ordinary item is added after the invitation as well.
		const extra =
			c.paper.late || rng.chance(0.02)
				? {
						is_supplement: true,
						published_at: basePublished && localTime(addDays(meeting.date, -4), '12:00')
					}
				: {};
		add(number, c.paper.row.name, { ...resolve(result, c), ...extra }, c);
		subs.forEach((s, i) =>
			add(
				`${number}.${i + 1}`,
				s.paper.row.name,
				{ ...resolve(subResults[i], s), ...lateExtra(s) },
				s
			)
		);
	}
	for (const c of urgent)
		add(String(++n), c.paper.row.name, { ...resolve(outcome(c), c), ...lateExtra(c) }, c);
	add(String(++n), OPENINGS.misc);

	// Non-public part: papers and the usual staff, land and contract matters.
	const closedCount =
		lead.type === 'council'
			? rng.int(2, 4)
			: ['awl', 'baua', 'ha', 'pla', 'fia'].includes(lead.key)
				? rng.int(1, 3)
				: lead.type === 'committee'
					? Number(rng.chance(0.3))
					: Number(rng.chance(0.1));
	const secret = (result: Result) =>
		meeting.past
			? {
					result,
					resolution_text: `${fill(RESOLUTIONS[result], { Body: lead.nominative, next: '', what: 'die Vorlage' })} (${CANARY})`
				}
			: {};
	for (const c of closed) {
		add(
			String(++n),
			c.paper.row.name,
			{
				public: false,
				...secret(
					rng.weighted([
						['angenommen', 85],
						['vertagt', 15]
					])
				)
			},
			c
		);
	}
	for (let i = 0; i < closedCount; i++) {
		const district = rng.pick(DISTRICTS);
		const name = fill(rng.pick(CLOSED_ITEMS), {
			quarter: rng.pick(district.quarters),
			street: rng.pick(STREETS),
			amt: rng.pick(AMTER),
			bplan: `${rng.int(5000, 6999)}/${String(rng.int(1, 140)).padStart(3, '0')}`,
			year: String(Number(meeting.date.slice(0, 4)) + 1)
		});
		add(String(++n), `${name} – ${CANARY}`, {
			public: false,
			...secret(name.startsWith('Mitteilungen') ? 'zur Kenntnis genommen' : 'angenommen')
		});
	}
	return items;
}
