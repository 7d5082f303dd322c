// Papers (Vorlagen, Anträge, Anfragen, …) of two years: those behind the projects, a few long
// documents, the everyday stream, non-public matters, then amendments, supplements and urgent
// motions in meetings that already have the original. Drucksachennummern are given in date order.
import type { TablesInsert } from '../../src/lib/database.types.ts';
import { addDays, daysBetween, localTime } from './calendar.ts';
import { PUBLISHED_AT, type Council } from './council.ts';
import type { MeetingPlan, Schedule } from './meetings.ts';
import {
	paperFactory,
	templatesFor,
	type ConsultationPlan,
	type PaperPlan,
	type PaperType,
	type ProjectPaperRequest,
	type Step
} from './paper-factory.ts';
import type { Random } from './random.ts';
import { CLOSED_PAPERS, PARTIES, fill } from './text.ts';
import { TOPICS, type Topic } from './topics.ts';

export { CANARY, PAPER_TYPES } from './paper-factory.ts';
export type {
	ConsultationPlan,
	PaperPlan,
	PaperType,
	ProjectPaperRequest
} from './paper-factory.ts';

export interface PaperSet {
	papers: PaperPlan[];
	relations: TablesInsert<'paper_relations'>[];
	/** Paper ids by project slug. */
	projectPapers: Record<string, string[]>;
}

export function buildPapers(
	rng: Random,
	council: Council,
	schedule: Schedule,
	today: string,
	projectRequests: ProjectPaperRequest[]
): PaperSet {
	const topicOf = (key: string) => TOPICS.find((t) => t.key === key) as Topic;

	const { papers, slotsFor, place, create } = paperFactory(rng, council, schedule);
	const first = addDays(schedule.rangeStart, -60);
	const span = daysBetween(first, addDays(today, 20));
	const randomDate = () => addDays(first, rng.int(0, span));
	const topicWeights = TOPICS.map((t) => [t, t.weight] as const);

	// Papers that belong to participation projects.
	const projectPapers: Record<string, string[]> = {};
	for (const req of projectRequests) {
		const p = create({
			type: req.type,
			topic: topicOf(req.topic),
			date: addDays(today, -req.daysAgo),
			district: req.district,
			title: req.title
		});
		(projectPapers[req.slug] ??= []).push(p.row.id);
	}

	// A few long documents: the draft budget (the one ~300-page file), annual accounts, the local
	// transport plan and two zoning plans with their environmental reports.
	const year = Number(today.slice(0, 4));
	const budget = create({
		type: 'Beschlussvorlage',
		topic: topicOf('haushalt'),
		date: addDays(today, -70),
		district: null,
		title: `Haushaltssatzung und Haushaltsplan ${year + 1} – Entwurf`,
		steps: [
			{ org: 'fia', role: 'vorberatend', authoritative: false },
			{ org: 'ha', role: 'vorberatend', authoritative: false },
			{ org: 'rat', role: 'beschliessend', authoritative: true }
		]
	});
	budget.pages = 300;
	const accounts = create({
		type: 'Beschlussvorlage',
		topic: topicOf('haushalt'),
		date: addDays(today, -190),
		district: null,
		title: `Jahresabschluss ${year - 1} der Stadt Rheinstadt`
	});
	accounts.bigAttachment = { title: `Jahresabschluss ${year - 1} mit Lagebericht`, pages: 160 };
	const transport = create({
		type: 'Beschlussvorlage',
		topic: topicOf('stadtbahn'),
		date: addDays(today, -120),
		district: null,
		title: `Nahverkehrsplan ${year + 1} – Entwurf zur Beteiligung`
	});
	transport.bigAttachment = { title: 'Entwurf des Nahverkehrsplans', pages: 110 };
	for (const [i, pages] of [123, 145].entries()) {
		const p = create({
			type: 'Beschlussvorlage',
			topic: topicOf('bebauungsplan'),
			date: addDays(today, -250 + i * 90),
			title: fill(
				'Bebauungsplan Nr. {bplan} – {quarter}, {street} – Satzungsbeschluss',
				slotsFor(null, today)
			)
		});
		p.bigAttachment = { title: 'Begründung mit Umweltbericht', pages };
	}

	// The everyday stream of papers.
	const typeWeights: [PaperType, number][] = [
		['Beschlussvorlage', 42],
		['Antrag', 20],
		['Anfrage', 22],
		['Mitteilungsvorlage', 16]
	];
	// Titles repeat only where reality repeats them; a template whose combinations are used up
	// gives way to another topic.
	const seen = new Set(papers.map((p) => p.subject.toLowerCase()));
	for (let made = 0, tries = 0; made < 1200 && tries < 5000; tries++) {
		const type = rng.weighted(typeWeights);
		const topic = rng.weighted(topicWeights);
		const date = randomDate();
		const district = topic.local || rng.chance(0.3) ? rng.int(1, 10) : null;
		const title = fill(rng.pick(templatesFor(type, topic)), slotsFor(district, date));
		if (seen.has(title.toLowerCase())) continue;
		seen.add(title.toLowerCase());
		create({ type, topic, date, district, title, spellingVariants: true });
		made++;
	}

	// Non-public papers: land, contracts, awards, staff.
	for (let i = 0; i < 125; i++) {
		const closed = rng.pick(CLOSED_PAPERS);
		const date = randomDate();
		const steps = [
			...closed.advisers.map((org) => ({
				org,
				role: 'vorberatend' as const,
				authoritative: false
			})),
			{ org: closed.decider, role: 'beschliessend' as const, authoritative: true }
		];
		const p = create({
			type: 'Beschlussvorlage',
			topic: topicOf('wirtschaft'),
			date,
			district: null,
			nonPublic: true,
			steps,
			title: fill(closed.template, slotsFor(null, date))
		});
		p.office = closed.office;
		p.row.originator_organization_id = council.orgId[closed.office];
	}

	// Amendments, supplements and urgent motions, placed in a meeting that already has the original.
	const relations: PaperSet['relations'] = [];
	const decidedInMeeting = papers.filter(
		(p) =>
			p.row.public &&
			(p.type === 'Beschlussvorlage' || p.type === 'Antrag') &&
			p.consultations.some((c) => c.row.authoritative && c.meeting)
	);
	const derive = (
		type: PaperType,
		original: PaperPlan,
		relation: 'amendment' | 'supplement',
		daysBefore: number
	) => {
		const target = original.consultations.find((c) => c.row.authoritative) as ConsultationPlan;
		const meeting = target.meeting as MeetingPlan;
		const date = addDays(meeting.date, -daysBefore);
		const step: Step = { org: target.orgKey, role: 'beschliessend', authoritative: true };
		const p = create({
			type,
			topic: topicOf(original.topic),
			date,
			district: original.district,
			title: original.subject,
			steps: []
		});
		place(p, [step], date, meeting);
		p.original = original;
		p.relation = relation;
		p.late = true;
		p.pages = type === 'Beschlussvorlage' ? rng.int(1, 3) : 1;
		relations.push({ paper_id: p.row.id, related_paper_id: original.row.id, relation });
	};
	for (const original of rng.sample(decidedInMeeting, 60))
		derive('Änderungsantrag', original, 'amendment', 2);
	for (const original of rng.sample(
		decidedInMeeting.filter((p) => p.type === 'Beschlussvorlage'),
		30
	))
		derive('Beschlussvorlage', original, 'supplement', 5);

	const urgentMeetings = schedule.meetings.filter(
		(m) =>
			m.hasAgenda && (m.orgKeys[0] === 'rat' || m.orgKeys[0] === 'ha' || m.orgKeys[0] === 'ova')
	);
	for (let i = 0; i < 20; i++) {
		const meeting = rng.pick(urgentMeetings);
		const date = addDays(meeting.date, -1);
		const p = create({
			type: 'Dringlichkeitsantrag',
			topic: rng.weighted(topicWeights),
			date,
			steps: []
		});
		place(
			p,
			[{ org: meeting.orgKeys[0], role: 'beschliessend', authoritative: true }],
			date,
			meeting
		);
		p.late = true;
	}

	// Questions that follow up on motions about the same topic and district.
	const motions = papers.filter((p) => p.type === 'Antrag' && p.row.public);
	for (const question of papers.filter((p) => p.type === 'Anfrage' && p.row.public && p.district)) {
		if (!rng.chance(0.15)) continue;
		const motion = motions.find(
			(m) =>
				m.topic === question.topic &&
				m.district === question.district &&
				(m.row.date as string) < (question.row.date as string)
		);
		if (motion)
			relations.push({
				paper_id: question.row.id,
				related_paper_id: motion.row.id,
				relation: 'related'
			});
	}

	assignReferences(rng, papers);
	for (const p of papers) {
		if (p.original) {
			const kind =
				p.type === 'Änderungsantrag'
					? `Änderungsantrag der Fraktion ${PARTIES.find((x) => x.key === p.faction)?.short}`
					: 'Ergänzungsvorlage';
			p.row.name = `${kind} zu ${p.original.row.reference}: ${p.original.subject}`;
		} else if (p.type === 'Dringlichkeitsantrag') {
			p.row.name = `Dringlichkeitsantrag der Fraktion ${PARTIES.find((x) => x.key === p.faction)?.short}: ${p.subject}`;
		}
		// Published the day after the paper is dated; papers dated from today on are scheduled.
		const published = localTime(addDays(p.row.date as string, p.late ? 0 : 1), '09:00');
		p.row.published_at = published < PUBLISHED_AT ? PUBLISHED_AT : published;
	}
	// Papers still being drafted: not yet on any agenda, no publication date.
	const unplaced = papers.filter(
		(p) =>
			p.type === 'Beschlussvorlage' &&
			p.row.public &&
			!p.original &&
			p.consultations.every((c) => !c.meeting) &&
			(p.row.date as string) <= today
	);
	for (const p of unplaced.slice(0, 8)) p.row.published_at = null;

	return { papers, relations, projectPapers };
}

/** Drucksachennummern like 01234/2026, counted up per year in date order. */
function assignReferences(rng: Random, papers: PaperPlan[]): void {
	const ordered = [...papers].sort(
		(a, b) =>
			(a.row.date as string).localeCompare(b.row.date as string) || a.row.id.localeCompare(b.row.id)
	);
	const counters: Record<string, number> = {};
	for (const p of ordered) {
		const year = (p.row.date as string).slice(0, 4);
		counters[year] = (counters[year] ?? rng.int(40, 90)) + rng.int(1, 3);
		p.row.reference = `${String(counters[year]).padStart(5, '0')}/${year}`;
	}
}
