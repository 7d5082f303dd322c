// Making one paper: a title from the topic's templates, its originator, and its Beratungsfolge,
// each consultation placed in the next meeting of its body (in date order) while there is one.
import type { TablesInsert } from '../../src/lib/database.types.ts';
import { addDays } from './calendar.ts';
import type { Council, WithId } from './council.ts';
import { nextMeeting, type MeetingPlan, type Schedule } from './meetings.ts';
import type { Random } from './random.ts';
import {
	AMTER,
	DISTRICTS,
	PARKS,
	PARTIES,
	SCHOOLS,
	STREETS,
	TRAM_LINES,
	VENUES,
	fill,
	withoutEszett,
	type Slots
} from './text.ts';
import type { Topic } from './topics.ts';

export const CANARY = 'KANARIENVOGEL-NICHTOEFFENTLICH';

export const PAPER_TYPES = [
	'Beschlussvorlage',
	'Antrag',
	'Anfrage',
	'Mitteilungsvorlage',
	'Änderungsantrag',
	'Dringlichkeitsantrag'
] as const;
export type PaperType = (typeof PAPER_TYPES)[number];
type Role = TablesInsert<'consultations'>['role'];

export interface ConsultationPlan {
	row: WithId<TablesInsert<'consultations'>>;
	orgKey: string;
	meeting?: MeetingPlan;
	paper: PaperPlan;
}

export interface PaperPlan {
	row: WithId<TablesInsert<'papers'>>;
	type: PaperType;
	topic: string;
	/** The title without "Antrag der Fraktion …:", used in running text. */
	subject: string;
	district: number | null;
	consultations: ConsultationPlan[];
	/** Amendments and supplements: the paper they belong to. */
	original?: PaperPlan;
	relation?: 'amendment' | 'supplement';
	/** Submitted after the invitation: its agenda items are a Nachtrag. */
	late: boolean;
	pages: number;
	bigAttachment?: { title: string; pages: number };
	office?: string;
	faction?: string;
}

export interface ProjectPaperRequest {
	slug: string;
	type: PaperType;
	title: string;
	topic: string;
	district: number | null;
	daysAgo: number;
}

export interface Step {
	org: string;
	role: Role;
	authoritative: boolean;
}

export interface PaperOptions {
	type: PaperType;
	topic: Topic;
	date: string;
	district?: number | null;
	title?: string;
	nonPublic?: boolean;
	steps?: Step[];
	spellingVariants?: boolean;
}

const PAGES_BESCHLUSSVORLAGE: [number, number][] = [
	[1, 2],
	[2, 6],
	[3, 5],
	[4, 3],
	[5, 2],
	[6, 1],
	[8, 1],
	[10, 1],
	[12, 1]
];

export function paperFactory(rng: Random, council: Council, schedule: Schedule) {
	const papers: PaperPlan[] = [];

	const slotsFor = (district: number | null, date: string): Slots => {
		const d = DISTRICTS[(district ?? rng.int(1, 10)) - 1];
		const other = rng.pick(DISTRICTS.filter((x) => x !== d));
		const year = Number(date.slice(0, 4));
		const bplan = () => `${rng.int(5000, 6999)}/${String(rng.int(1, 140)).padStart(3, '0')}`;
		return {
			street: rng.pick(STREETS),
			quarter: rng.pick(d.quarters),
			quarter2: rng.pick(other.quarters),
			bv: String(d.number),
			bplan: bplan(),
			bplan2: bplan(),
			school: rng.pick(SCHOOLS),
			venue: rng.pick(VENUES),
			park: rng.pick(PARKS),
			line: rng.pick(TRAM_LINES),
			amt: rng.pick(AMTER),
			n: String(rng.int(80, 140)),
			year: String(year),
			year1: String(year + 1),
			year5: String(year + 5),
			yearPrev: String(year - 1)
		};
	};

	const pathFor = (type: PaperType, topic: Topic, district: number | null): Step[] => {
		// District councils deal with local matters only.
		const bv = district && topic.local ? `bv${district}` : null;
		const step = (org: string, role: Role, authoritative = false): Step => ({
			org,
			role,
			authoritative
		});
		const decider = topic.decider === 'bv' ? (bv ?? 'rat') : topic.decider;
		switch (type) {
			case 'Anfrage':
				return [
					step(
						bv && rng.chance(0.4)
							? bv
							: rng.chance(0.15)
								? 'rat'
								: (topic.advisers[0][0] ?? decider),
						'zur_kenntnis'
					)
				];
			case 'Mitteilungsvorlage': {
				const committee = topic.advisers[0][0] ?? decider;
				return bv && rng.chance(0.5)
					? [step(bv, 'zur_kenntnis'), step(committee, 'zur_kenntnis')]
					: [step(committee === 'rat' ? 'ha' : committee, 'zur_kenntnis')];
			}
			case 'Antrag': {
				const r = rng.next();
				if (r < 0.35) return [step('rat', 'beschliessend', true)];
				if (r < 0.55 && bv) return [step(bv, 'beschliessend', true)];
				const committee = topic.advisers[0][0] ?? decider;
				if (r < 0.75 && committee !== 'rat') return [step(committee, 'beschliessend', true)];
				return [
					step(committee === 'rat' ? 'ha' : committee, 'vorberatend'),
					step('rat', 'beschliessend', true)
				];
			}
			default: {
				// Small local matters are decided by the district council itself.
				if (
					bv &&
					!['rat', 'bv'].includes(topic.decider) &&
					topic.advisers[0].length === 0 &&
					rng.chance(0.3)
				) {
					return [step(bv, 'beschliessend', true)];
				}
				const steps = bv ? [step(bv, 'vorberatend')] : [];
				for (const org of rng.pick(topic.advisers)) steps.push(step(org, 'vorberatend'));
				steps.push(step(decider, 'beschliessend', true));
				return steps;
			}
		}
	};

	const place = (paper: PaperPlan, steps: Step[], from: string, fixed?: MeetingPlan) => {
		let earliest: string | null = from;
		steps.forEach((s, position) => {
			const meeting = fixed ?? (earliest ? nextMeeting(schedule, s.org, earliest) : undefined);
			earliest = meeting ? addDays(meeting.date, 5) : null;
			paper.consultations.push({
				row: {
					id: rng.uuid(),
					paper_id: paper.row.id,
					agenda_item_id: null,
					meeting_id: meeting?.row.id ?? null,
					organization_id: council.orgId[s.org],
					role: s.role,
					authoritative: s.authoritative,
					position
				},
				orgKey: s.org,
				meeting,
				paper
			});
		});
	};

	const pagesFor = (type: PaperType): number => {
		switch (type) {
			case 'Beschlussvorlage':
				// Mostly short, now and then a long one (the rendering cost grows with pages).
				return rng.weighted(PAGES_BESCHLUSSVORLAGE);
			case 'Mitteilungsvorlage':
				return rng.weighted([
					[1, 3],
					[2, 3],
					[3, 2],
					[4, 1]
				]);
			case 'Antrag':
				return rng.weighted([
					[1, 3],
					[2, 2]
				]);
			default:
				return 1;
		}
	};

	const create = (opts: PaperOptions): PaperPlan => {
		const { type, topic, date } = opts;
		const district =
			opts.district !== undefined
				? opts.district
				: topic.local || rng.chance(0.3)
					? rng.int(1, 10)
					: null;
		let subject = opts.title ?? fill(rng.pick(templatesFor(type, topic)), slotsFor(district, date));
		// Motions and older documents are often typed without ß.
		if (opts.spellingVariants && rng.chance(type === 'Beschlussvorlage' ? 0.08 : 0.25)) {
			subject = withoutEszett(subject);
		}
		const byFaction = type !== 'Beschlussvorlage' && type !== 'Mitteilungsvorlage';
		const party = byFaction ? rng.weighted(PARTIES.map((p) => [p, p.seats] as const)) : undefined;
		const prefix =
			party && (type === 'Antrag' || type === 'Anfrage')
				? `${type} der Fraktion ${party.short}: `
				: '';
		const paper: PaperPlan = {
			row: {
				id: rng.uuid(),
				body_id: council.body.id,
				reference: '',
				name: opts.nonPublic ? `${subject} – ${CANARY}` : `${prefix}${subject}`,
				paper_type: type,
				date,
				originator_organization_id: council.orgId[party ? party.key : topic.office],
				originator_person_id: party ? council.factionChair[party.key] : null,
				public: !opts.nonPublic,
				published_at: null
			},
			type,
			topic: topic.key,
			subject,
			district,
			consultations: [],
			late: false,
			pages: pagesFor(type),
			office: party ? undefined : topic.office,
			faction: party?.key
		};
		place(paper, opts.steps ?? pathFor(type, topic, district), addDays(date, 13));
		papers.push(paper);
		return paper;
	};

	return { papers, slotsFor, place, create };
}

export function templatesFor(type: PaperType, topic: Topic): string[] {
	if (type === 'Antrag') return topic.antraege;
	if (type === 'Anfrage') return topic.anfragen;
	if (type === 'Mitteilungsvorlage') return topic.mitteilungen;
	return topic.vorlagen;
}
