// The demo city Rheinstadt as rows for the tables of supabase/migrations, built in memory by a pure,
// seeded generator: the same seed and "today" always give the same data, ids included. Dates are
// laid out around "today", so there are past meetings with results and upcoming ones.
import type { Database, TablesInsert } from '../../src/lib/database.types.ts';
import { buildAgendas } from './agenda.ts';
import {
	COMMENTERS,
	DEMO_USERS,
	buildComments,
	type CommentPlan,
	type DemoUser
} from './comments.ts';
import { buildCouncil, type WithId } from './council.ts';
import { buildDocuments, type SeedFile } from './documents.ts';
import { scheduleMeetings } from './meetings.ts';
import { buildPapers } from './papers.ts';
import { buildProjects } from './projects.ts';
import { createRandom } from './random.ts';

export { CANARY } from './papers.ts';
export { BBOX } from './projects.ts';
export type { CommentPlan, DemoUser, SeedFile };

export const DEFAULT_SEED = 20261128;
export const DEFAULT_TODAY = '2026-11-28';

type Table = keyof Database['public']['Tables'];
type Rows<T extends Table> = WithId<TablesInsert<T>>[];

export interface DemoData {
	today: string;
	bodies: Rows<'bodies'>;
	legislative_terms: Rows<'legislative_terms'>;
	organizations: Rows<'organizations'>;
	persons: Rows<'persons'>;
	memberships: Rows<'memberships'>;
	locations: Rows<'locations'>;
	meetings: Rows<'meetings'>;
	meeting_organizations: TablesInsert<'meeting_organizations'>[];
	agenda_items: Rows<'agenda_items'>;
	papers: Rows<'papers'>;
	paper_relations: TablesInsert<'paper_relations'>[];
	consultations: Rows<'consultations'>;
	/** File rows with the spec of their PDF (size, sha512 and page count come from the bytes). */
	files: SeedFile[];
	file_attachments: TablesInsert<'file_attachments'>[];
	projects: Rows<'projects'>;
	project_phases: Rows<'project_phases'>;
	project_papers: TablesInsert<'project_papers'>[];
	project_meetings: TablesInsert<'project_meetings'>[];
	/** Comments in their final state; authors by e-mail (see `users`). */
	comments: CommentPlan[];
	users: DemoUser[];
	/** The person the council-member login is linked to (profiles.person_id). */
	councilMemberPersonId: string;
	/** Organisation ids of that person's council, faction and committees. */
	councilMemberOrganizationIds: string[];
}

export function generateDemoData(options: { seed?: number; today?: string } = {}): DemoData {
	const seed = options.seed ?? DEFAULT_SEED;
	const today = options.today ?? DEFAULT_TODAY;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be yyyy-mm-dd, got ${today}`);
	const rng = createRandom(seed);

	const council = buildCouncil(rng.fork('council'), today);
	const schedule = scheduleMeetings(rng.fork('meetings'), council, today);
	const { projects, paperRequests } = buildProjects(rng.fork('projects'), today);
	const { papers, relations, projectPapers } = buildPapers(
		rng.fork('papers'),
		council,
		schedule,
		today,
		paperRequests
	);
	const items = buildAgendas(rng.fork('agenda'), council, schedule, papers, today);
	const documents = buildDocuments(rng.fork('documents'), council, schedule, papers, items, today);
	const comments = buildComments(rng.fork('comments'), projects, today);

	const project_papers: DemoData['project_papers'] = [];
	const project_meetings: DemoData['project_meetings'] = [];
	for (const project of projects) {
		const paperIds = projectPapers[project.def.slug] ?? [];
		const meetingIds = new Set<string>();
		for (const paperId of paperIds) {
			project_papers.push({ project_id: project.row.id, paper_id: paperId });
			const paper = papers.find((p) => p.row.id === paperId);
			for (const c of paper?.consultations ?? []) if (c.meeting) meetingIds.add(c.meeting.row.id);
		}
		for (const meetingId of meetingIds) {
			project_meetings.push({ project_id: project.row.id, meeting_id: meetingId });
		}
	}

	return {
		today,
		bodies: [council.body],
		legislative_terms: [council.term],
		organizations: council.organizations,
		persons: council.persons,
		memberships: council.memberships,
		locations: council.locations,
		meetings: schedule.meetings.map((m) => m.row),
		meeting_organizations: schedule.meetingOrganizations,
		agenda_items: items.map((i) => i.row),
		papers: papers.map((p) => p.row),
		paper_relations: relations,
		consultations: papers.flatMap((p) => p.consultations.map((c) => c.row)),
		files: documents.files,
		file_attachments: documents.attachments,
		projects: projects.map((p) => p.row),
		project_phases: projects.flatMap((p) => p.phases),
		project_papers,
		project_meetings,
		comments,
		users: [...DEMO_USERS, ...COMMENTERS],
		councilMemberPersonId: council.memberPersonId,
		councilMemberOrganizationIds: council.memberOrgKeys.map((k) => council.orgId[k])
	};
}
