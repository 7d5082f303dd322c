// Building and traffic projects as rows: GeoJSON inside the city with its bounding box, phases
// whose dates agree with the status, and requests for the papers behind them.
import type { TablesInsert } from '../../src/lib/database.types.ts';
import { addDays, daysBetween, localTime } from './calendar.ts';
import type { WithId } from './council.ts';
import type { ProjectPaperRequest } from './papers.ts';
import { PROJECTS, type ProjectDef } from './project-list.ts';
import type { Random } from './random.ts';
import { DISTRICTS } from './text.ts';

/** The city's bounding box: every geometry lies inside. */
export const BBOX = { minLng: 6.68, maxLng: 6.94, minLat: 51.1, maxLat: 51.35 };

export interface ProjectPlan {
	row: WithId<TablesInsert<'projects'>>;
	def: ProjectDef;
	phases: WithId<TablesInsert<'project_phases'>>[];
	/** The participation window in which comments were written, if it has begun. */
	commentWindow?: { from: string; until: string };
}

const PHASES = {
	zoning: [
		'Grundlagen und Vorentwurf',
		'Frühzeitige Öffentlichkeitsbeteiligung',
		'Entwurf und Offenlage',
		'Satzungsbeschluss und Ausführungsplanung',
		'Bau',
		'Fertigstellung'
	],
	building: [
		'Grundlagenermittlung',
		'Bürgerbeteiligung',
		'Entwurfsplanung',
		'Baubeschluss und Ausführungsplanung',
		'Bau',
		'Fertigstellung'
	],
	traffic: ['Vorplanung', 'Bürgerbeteiligung', 'Ausführungsplanung', 'Bau', 'Inbetriebnahme']
};

const DESCRIPTIONS = {
	building:
		'Die Verwaltung stellt die Planung hier vor und sammelt Hinweise aus der Bürgerschaft. Alle Beiträge werden ausgewertet und fließen in die Abwägung ein; die Ergebnisse werden dem Ausschuss für Planung und Stadtentwicklung und der Bezirksvertretung vorgelegt. Bebauungspläne und Gutachten finden Sie unter den verknüpften Vorlagen.',
	traffic:
		'Die Planung soll den Radverkehr, den Fußverkehr und den öffentlichen Nahverkehr stärken und die Straße sicherer machen. Hinweise zu Gefahrenstellen können Sie direkt auf der Karte markieren. Die Ergebnisse der Beteiligung werden dem Ordnungs- und Verkehrsausschuss vorgelegt.'
};

/** Typical length in days of each phase (index 1 is the participation). */
const DURATIONS: [number, number][] = [
	[120, 240],
	[42, 70],
	[90, 180],
	[90, 200],
	[300, 540],
	[30, 60]
];

/** Phase dates around today so that they agree with the status. */
function layOut(rng: Random, def: ProjectDef, count: number, today: string): [string, string][] {
	const lengths = Array.from({ length: count }, (_, i) => {
		const [lo, hi] = DURATIONS[i === count - 1 ? 5 : i];
		return rng.int(lo, hi);
	});
	// Which phase contains today; -1: all phases are over.
	const building = count - 2;
	let current: number;
	let start: string;
	if (def.status === 'participation') {
		// Open phases run 2026-10-01 … 2027-06-30 for the default today: long enough that tests
		// on real dates still find them open.
		lengths[1] = 273;
		current = 1;
		start = addDays(today, -58);
	} else if (def.status === 'completed' || def.status === 'stopped') {
		current = def.status === 'completed' ? count - 1 : 1;
		start = addDays(today, -lengths[current] - rng.int(30, def.status === 'stopped' ? 300 : 90));
	} else {
		current = def.status === 'planning' ? 0 : def.status === 'approved' ? building - 1 : building;
		start = addDays(today, -Math.floor(lengths[current] * (0.2 + rng.next() * 0.5)));
	}
	const dates: [string, string][] = [];
	dates[current] = [start, addDays(start, lengths[current] - 1)];
	for (let i = current - 1; i >= 0; i--) {
		const e = addDays(dates[i + 1][0], -1);
		dates[i] = [addDays(e, -lengths[i] + 1), e];
	}
	for (let i = current + 1; i < count; i++) {
		const s = addDays(dates[i - 1][1], 1);
		dates[i] = [s, addDays(s, lengths[i] - 1)];
	}
	return dates;
}

export function buildProjects(
	rng: Random,
	today: string
): { projects: ProjectPlan[]; paperRequests: ProjectPaperRequest[] } {
	const projects: ProjectPlan[] = [];
	const paperRequests: ProjectPaperRequest[] = [];
	for (const def of PROJECTS) {
		const names = PHASES[def.topic === 'bebauungsplan' ? 'zoning' : def.kind];
		const dates = layOut(rng, def, names.length, today);
		const [start, end] = dates[1];
		const hasParticipation = def.status !== 'planning' || def.laterParticipation === true;
		const id = rng.uuid();
		const phases: ProjectPlan['phases'] = [];
		names.forEach((name, position) => {
			if (position === 1 && !hasParticipation) return;
			const over = def.status === 'stopped' && position > 1;
			phases.push({
				id: rng.uuid(),
				project_id: id,
				name,
				position: phases.length,
				starts_on: over ? null : dates[position][0],
				ends_on: over ? null : dates[position][1],
				participation: position === 1
			});
		});
		if (def.status === 'stopped') {
			phases.push({
				id: rng.uuid(),
				project_id: id,
				name: 'Verfahren eingestellt',
				position: phases.length,
				starts_on: addDays(end, rng.int(20, 30)),
				ends_on: null,
				participation: false
			});
		}

		const geometry = shapeFor(rng, def);
		const box = bboxOf(geometry);
		const firstShown = start < today ? start : today;
		const publishedAt =
			def.draft === 'null'
				? null
				: def.draft === 'future'
					? localTime(addDays(today, 21), '09:00')
					: localTime(addDays(firstShown, -rng.int(14, 40)), '09:00');
		projects.push({
			row: {
				id,
				slug: def.slug,
				title: def.title,
				summary: def.summary,
				description: `${def.summary}\n\n${DESCRIPTIONS[def.kind]}`,
				kind: def.kind,
				status: def.status,
				district: `Stadtbezirk ${def.district} – ${DISTRICTS[def.district - 1].name}`,
				geometry,
				min_lng: box[0],
				min_lat: box[1],
				max_lng: box[2],
				max_lat: box[3],
				moderation_mode: def.moderation,
				published_at: publishedAt
			},
			def,
			phases,
			commentWindow:
				hasParticipation && start < today && publishedAt
					? { from: start, until: end < today ? end : addDays(today, -1) }
					: undefined
		});
		// The papers behind a project come shortly before its participation, then follow it up.
		def.papers.forEach(([type, title], i) => {
			const date = addDays(firstShown, -rng.int(30, 70) + i * rng.int(20, 40));
			const daysAgo = Math.min(420, Math.max(1, daysBetween(date, today)));
			paperRequests.push({
				slug: def.slug,
				type,
				title,
				topic: def.topic,
				district: def.district,
				daysAgo
			});
		});
	}
	return { projects, paperRequests };
}

type Position = [number, number];
export type Geometry =
	| { type: 'Point'; coordinates: Position }
	| { type: 'LineString'; coordinates: Position[] }
	| { type: 'Polygon'; coordinates: Position[][] };

function shapeFor(rng: Random, def: ProjectDef): Geometry {
	const [cx, cy] = DISTRICTS[def.district - 1].center;
	const round = (v: number) => Number(v.toFixed(6));
	const at = (dx: number, dy: number): Position => [
		round(clamp(cx + dx, BBOX.minLng + 0.01, BBOX.maxLng - 0.01)),
		round(clamp(cy + dy, BBOX.minLat + 0.01, BBOX.maxLat - 0.01))
	];
	const ox = rng.next() * 0.01 - 0.005;
	const oy = rng.next() * 0.008 - 0.004;
	if (def.shape === 'Point') return { type: 'Point', coordinates: at(ox, oy) };
	if (def.shape === 'LineString') {
		const angle = rng.next() * Math.PI;
		const points: Position[] = [];
		for (let i = 0; i < 5; i++) {
			const t = (i - 2) * 0.0035;
			points.push(
				at(
					ox + Math.cos(angle) * t + (rng.next() - 0.5) * 0.0008,
					oy + Math.sin(angle) * t * 0.65 + (rng.next() - 0.5) * 0.0006
				)
			);
		}
		return { type: 'LineString', coordinates: points };
	}
	const ring: Position[] = [];
	for (let i = 0; i < 6; i++) {
		const a = (i / 6) * Math.PI * 2;
		const r = 0.0025 + rng.next() * 0.0015;
		ring.push(at(ox + Math.cos(a) * r, oy + Math.sin(a) * r * 0.65));
	}
	ring.push(ring[0]);
	return { type: 'Polygon', coordinates: [ring] };
}

function clamp(v: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, v));
}

/** [minLng, minLat, maxLng, maxLat] of a Point, LineString or Polygon. */
export function bboxOf(geometry: Geometry): [number, number, number, number] {
	const points: Position[] =
		geometry.type === 'Point'
			? [geometry.coordinates]
			: geometry.type === 'LineString'
				? geometry.coordinates
				: geometry.coordinates.flat();
	const lngs = points.map((p) => p[0]);
	const lats = points.map((p) => p[1]);
	return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}
