// Papers (Vorlagen) and their Beratungsfolge, read through supabase-js; RLS hides non-public ones.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { FileRef } from '$lib/meetings';

type Client = SupabaseClient<Database>;
type Enums = Database['public']['Enums'];

export interface PaperSummary {
	id: string;
	reference: string;
	name: string;
	type: string;
	date: string | null;
}

export interface Consultation {
	role: Enums['consultation_role'];
	authoritative: boolean;
	organization: { id: string; name: string } | null;
	meeting: { id: string; name: string; startAt: string; cancelled: boolean } | null;
	item: {
		id: string;
		number: string | null;
		result: string | null;
		resolutionText: string | null;
	} | null;
}

export interface RelatedPaper extends PaperSummary {
	relation: Enums['paper_relation'];
	/** 'outgoing': this paper points to the other (e.g. is its amendment); 'incoming': the reverse. */
	direction: 'outgoing' | 'incoming';
}

export interface PaperDetail extends PaperSummary {
	public: boolean;
	originator: { kind: 'organization' | 'person'; id: string; name: string } | null;
	mainFile: FileRef | null;
	files: FileRef[];
	consultations: Consultation[];
	related: RelatedPaper[];
}

export const papersPageSize = 25;

export async function listPapers(
	supabase: Client,
	{ page, type }: { page: number; type?: string }
): Promise<{ papers: PaperSummary[]; total: number }> {
	const from = (page - 1) * papersPageSize;
	let query = supabase
		.from('papers')
		.select('id, reference, name, paper_type, date', { count: 'exact' })
		.order('date', { ascending: false, nullsFirst: false })
		.order('reference', { ascending: false });
	if (type) query = query.eq('paper_type', type);
	const { data, error, count } = await query.range(from, from + papersPageSize - 1);
	if (error?.code === 'PGRST103') return { papers: [], total: count ?? 0 };
	if (error) throw new Error(`Vorlagen konnten nicht geladen werden: ${error.message}`);
	return {
		papers: data.map((p) => ({
			id: p.id,
			reference: p.reference,
			name: p.name,
			type: p.paper_type,
			date: p.date
		})),
		total: count ?? 0
	};
}

/** The paper types in use with the number of papers the caller may see, for the filter. */
export async function paperTypes(supabase: Client): Promise<{ type: string; count: number }[]> {
	const { data, error } = await supabase.rpc('paper_type_counts');
	if (error) throw new Error(`Vorlagenarten konnten nicht geladen werden: ${error.message}`);
	return data
		.map((t) => ({ type: t.paper_type, count: t.papers }))
		.sort((a, b) => a.type.localeCompare(b.type, 'de'));
}

const summary = (p: {
	id: string;
	reference: string;
	name: string;
	paper_type: string;
	date: string | null;
}): PaperSummary => ({
	id: p.id,
	reference: p.reference,
	name: p.name,
	type: p.paper_type,
	date: p.date
});

const paperColumns = `id, reference, name, paper_type, date, public,
	organizations(id, name), persons(id, name),
	main_file:files!papers_main_file_id_fkey(id, name),
	file_attachments(position, files(id, name)),
	consultations(role, authoritative, position,
		organizations(id, name),
		meetings(id, name, start_at, cancelled),
		agenda_items(id, number, result, resolution_text)),
	outgoing:paper_relations!paper_relations_paper_id_fkey(relation,
		paper:papers!paper_relations_related_paper_id_fkey(id, reference, name, paper_type, date)),
	incoming:paper_relations!paper_relations_related_paper_id_fkey(relation,
		paper:papers!paper_relations_paper_id_fkey(id, reference, name, paper_type, date))`;

/** The paper, or null when it does not exist or the caller may not see it. */
export async function getPaper(supabase: Client, id: string): Promise<PaperDetail | null> {
	const { data: p, error } = await supabase
		.from('papers')
		.select(paperColumns)
		.eq('id', id)
		.order('position', { referencedTable: 'consultations' })
		.maybeSingle();
	if (error) throw new Error(`Vorlage konnte nicht geladen werden: ${error.message}`);
	if (!p) return null;
	const originator = p.organizations
		? { kind: 'organization' as const, ...p.organizations }
		: p.persons
			? { kind: 'person' as const, ...p.persons }
			: null;
	const related = (direction: RelatedPaper['direction'], rows: typeof p.outgoing) =>
		rows.flatMap((r) =>
			r.paper ? [{ ...summary(r.paper), relation: r.relation, direction }] : []
		);
	return {
		...summary(p),
		public: p.public,
		originator,
		mainFile: p.main_file,
		files: p.file_attachments
			.toSorted((a, b) => a.position - b.position)
			.flatMap((a) => (a.files && a.files.id !== p.main_file?.id ? [a.files] : [])),
		consultations: p.consultations.map((c) => ({
			role: c.role,
			authoritative: c.authoritative,
			organization: c.organizations,
			meeting: c.meetings
				? {
						id: c.meetings.id,
						name: c.meetings.name,
						startAt: c.meetings.start_at,
						cancelled: c.meetings.cancelled
					}
				: null,
			item: c.agenda_items
				? {
						id: c.agenda_items.id,
						number: c.agenda_items.number,
						result: c.agenda_items.result,
						resolutionText: c.agenda_items.resolution_text
					}
				: null
		})),
		related: [...related('outgoing', p.outgoing), ...related('incoming', p.incoming)]
	};
}
