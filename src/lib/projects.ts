// Building and traffic projects, read through supabase-js: RLS decides what the caller may see.
import type { SupabaseClient } from '@supabase/supabase-js';
import * as v from 'valibot';
import type { Database } from '$lib/database.types';

type Client = SupabaseClient<Database>;
export type ProjectKind = Database['public']['Enums']['project_kind'];
export type ProjectStatus = Database['public']['Enums']['project_status'];

export const projectKinds = ['building', 'traffic'] as const satisfies readonly ProjectKind[];
export const projectStatuses = [
	'planning',
	'participation',
	'approved',
	'construction',
	'completed',
	'stopped'
] as const satisfies readonly ProjectStatus[];

export const PAGE_SIZE = 20;

const empty = (value: unknown) => value === '' || value === null || value === undefined;
const optionalPicklist = <T extends readonly string[]>(options: T, message: string) =>
	v.pipe(
		v.unknown(),
		v.transform((x) => (empty(x) ? undefined : x)),
		v.optional(v.picklist(options, message))
	);

/** Filters of the list and the map, from query parameters. Unknown values are a 400, not ignored. */
export const projectFilters = v.object({
	kind: v.optional(optionalPicklist(projectKinds, 'Unbekannte Projektart.'), ''),
	status: v.optional(optionalPicklist(projectStatuses, 'Unbekannter Projektstatus.'), ''),
	open: v.optional(
		v.pipe(
			v.unknown(),
			v.transform((x) => x === '1' || x === 'true' || x === 'on')
		),
		''
	),
	page: v.optional(
		v.pipe(
			v.unknown(),
			v.transform((x) => (empty(x) ? '1' : String(x))),
			v.regex(/^\d{1,5}$/, 'Die Seitenzahl muss eine positive ganze Zahl sein.'),
			v.transform(Number),
			v.minValue(1, 'Die Seitenzahl muss mindestens 1 sein.')
		),
		'1'
	)
});
export type ProjectFilters = v.InferOutput<typeof projectFilters>;

export const projectId = v.pipe(
	v.string(),
	v.uuid('Die Projektadresse ist ungültig: Sie muss eine Projektkennung (UUID) enthalten.')
);

/** The query string of the filters (plus extra parameters), for links and map requests. */
export function filterQuery(
	filters: Pick<ProjectFilters, 'kind' | 'status' | 'open'>,
	extra: Record<string, string> = {}
): string {
	const query = new URLSearchParams();
	if (filters.kind) query.set('kind', filters.kind);
	if (filters.status) query.set('status', filters.status);
	if (filters.open) query.set('open', '1');
	for (const [key, value] of Object.entries(extra)) query.set(key, value);
	return query.toString();
}

/** `?kind=…&status=…` as an object, for parsing with projectFilters. */
export const searchParamsObject = (params: URLSearchParams) => Object.fromEntries(params);

export interface ProjectSummary {
	id: string;
	title: string;
	summary: string | null;
	kind: ProjectKind;
	status: ProjectStatus;
	district: string | null;
	participationOpen: boolean;
}

const summaryColumns = 'id, title, summary, kind, status, district, participation_open';

type SummaryRow = {
	id: string;
	title: string;
	summary: string | null;
	kind: ProjectKind;
	status: ProjectStatus;
	district: string | null;
	participation_open: boolean | null;
};

const toSummary = (p: SummaryRow): ProjectSummary => ({
	id: p.id,
	title: p.title,
	summary: p.summary,
	kind: p.kind,
	status: p.status,
	district: p.district,
	participationOpen: p.participation_open === true
});

export async function listProjects(
	supabase: Client,
	filters: ProjectFilters
): Promise<{ projects: ProjectSummary[]; total: number }> {
	let query = supabase.from('projects').select(summaryColumns, { count: 'exact' });
	if (filters.kind) query = query.eq('kind', filters.kind);
	if (filters.status) query = query.eq('status', filters.status);
	// A computed column (participation migration), unknown to the generated table types.
	if (filters.open) query = query.filter('participation_open', 'is', true);
	const from = (filters.page - 1) * PAGE_SIZE;
	const { data, error, count } = await query
		.order('title')
		.order('id')
		.range(from, from + PAGE_SIZE - 1);
	// PostgREST answers 416 for a page beyond the end: that is an empty page, not a failure.
	if (error && error.code === 'PGRST103') return { projects: [], total: count ?? 0 };
	if (error) throw new Error(`Projekte konnten nicht geladen werden: ${error.message}`);
	return { projects: (data as unknown as SummaryRow[]).map(toSummary), total: count ?? 0 };
}

export interface ProjectPhase {
	id: string;
	name: string;
	startsOn: string | null;
	endsOn: string | null;
	participation: boolean;
}

export interface ProjectDetail extends ProjectSummary {
	description: string | null;
	geometry: GeoJSON.Geometry;
	bbox: [number, number, number, number];
	moderationMode: Database['public']['Enums']['moderation_mode'];
	phases: ProjectPhase[];
	papers: { id: string; reference: string; name: string; date: string | null }[];
	meetings: { id: string; name: string; startAt: string }[];
}

export async function getProject(supabase: Client, id: string): Promise<ProjectDetail | null> {
	const { data, error } = await supabase
		.from('projects')
		.select(
			`${summaryColumns}, description, geometry, min_lng, min_lat, max_lng, max_lat, moderation_mode,
			project_phases(id, name, position, starts_on, ends_on, participation),
			project_papers(papers(id, reference, name, date)),
			project_meetings(meetings(id, name, start_at))`
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`Das Projekt konnte nicht geladen werden: ${error.message}`);
	if (!data) return null;
	const row = data as unknown as SummaryRow & {
		description: string | null;
		geometry: GeoJSON.Geometry;
		min_lng: number;
		min_lat: number;
		max_lng: number;
		max_lat: number;
		moderation_mode: Database['public']['Enums']['moderation_mode'];
		project_phases: {
			id: string;
			name: string;
			position: number;
			starts_on: string | null;
			ends_on: string | null;
			participation: boolean;
		}[];
		project_papers: {
			papers: { id: string; reference: string; name: string; date: string | null } | null;
		}[];
		project_meetings: { meetings: { id: string; name: string; start_at: string } | null }[];
	};
	return {
		...toSummary(row),
		description: row.description,
		geometry: row.geometry,
		bbox: [row.min_lng, row.min_lat, row.max_lng, row.max_lat],
		moderationMode: row.moderation_mode,
		phases: [...row.project_phases]
			.sort((a, b) => a.position - b.position)
			.map((p) => ({
				id: p.id,
				name: p.name,
				startsOn: p.starts_on,
				endsOn: p.ends_on,
				participation: p.participation
			})),
		papers: row.project_papers
			.flatMap((pp) => (pp.papers ? [pp.papers] : []))
			.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')),
		meetings: row.project_meetings
			.flatMap((pm) => (pm.meetings ? [pm.meetings] : []))
			.map((m) => ({ id: m.id, name: m.name, startAt: m.start_at }))
			.sort((a, b) => b.startAt.localeCompare(a.startAt))
	};
}

export interface LinkedProject {
	id: string;
	title: string;
	kind: ProjectKind;
	status: ProjectStatus;
}

type LinkRows = { projects: LinkedProject | null }[];

function linkedProjects(data: LinkRows | null, error: { message: string } | null): LinkedProject[] {
	if (error) throw new Error(`Verknüpfte Projekte konnten nicht geladen werden: ${error.message}`);
	return (data ?? [])
		.flatMap((r) => (r.projects ? [r.projects] : []))
		.sort((a, b) => a.title.localeCompare(b.title, 'de'));
}

/** Projects linked to a council paper, for the paper page's "Projekte" section (link: /projects/<id>). */
export async function projectsForPaper(supabase: Client, paperId: string) {
	const { data, error } = await supabase
		.from('project_papers')
		.select('projects(id, title, kind, status)')
		.eq('paper_id', paperId);
	return linkedProjects(data as LinkRows | null, error);
}

/** Projects linked to a meeting, for the meeting page (link: /projects/<id>). */
export async function projectsForMeeting(supabase: Client, meetingId: string) {
	const { data, error } = await supabase
		.from('project_meetings')
		.select('projects(id, title, kind, status)')
		.eq('meeting_id', meetingId);
	return linkedProjects(data as LinkRows | null, error);
}

/** Whether a phase is running today (dates are calendar days in the city's time zone). */
export function phaseIsCurrent(phase: ProjectPhase, today: string): boolean {
	return (
		(phase.startsOn === null || phase.startsOn <= today) &&
		(phase.endsOn === null || phase.endsOn >= today)
	);
}

export const todayInCity = (now = new Date()) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
