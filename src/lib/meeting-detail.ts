// One meeting with its agenda, as the caller may see it: RLS drops the non-public items for the
// public, and public.nonpublic_item_count() tells how many there are without naming them.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { FileRef, MeetingSummary } from '$lib/meetings';

type Client = SupabaseClient<Database>;
type Enums = Database['public']['Enums'];

export interface AgendaPaper {
	id: string;
	reference: string;
	name: string;
	type: string;
	role: Enums['consultation_role'];
}

export interface AgendaItem {
	id: string;
	number: string | null;
	name: string;
	public: boolean;
	supplement: boolean;
	result: string | null;
	resolutionText: string | null;
	resolutionFile: FileRef | null;
	papers: AgendaPaper[];
	files: FileRef[];
}

export interface MeetingDetail {
	id: string;
	name: string;
	startAt: string;
	endAt: string | null;
	cancelled: boolean;
	state: Enums['meeting_state'];
	modifiedAt: string;
	location: { description: string | null; room: string | null; address: string | null } | null;
	organizations: { id: string; name: string; type: Enums['organization_type'] }[];
	invitation: FileRef | null;
	resultsProtocol: FileRef | null;
	verbatimProtocol: FileRef | null;
	files: FileRef[];
	publicItems: AgendaItem[];
	nonPublicItems: AgendaItem[];
	/** How many non-public items the meeting has, also for those who may not see them. */
	nonPublicCount: number;
	previous: Pick<MeetingSummary, 'id' | 'name' | 'startAt'> | null;
	next: Pick<MeetingSummary, 'id' | 'name' | 'startAt'> | null;
}

const detailColumns = `id, name, start_at, end_at, cancelled, meeting_state, modified_at,
	locations(description, room, street_address, postal_code, locality),
	meeting_organizations(organizations(id, name, organization_type)),
	invitation:files!meetings_invitation_file_id_fkey(id, name),
	results_protocol:files!meetings_results_protocol_file_id_fkey(id, name),
	verbatim_protocol:files!meetings_verbatim_protocol_file_id_fkey(id, name),
	file_attachments(position, files(id, name)),
	agenda_items(id, number, order, name, public, result, resolution_text, is_supplement,
		resolution_file:files!agenda_items_resolution_file_id_fkey(id, name),
		consultations(role, papers(id, reference, name, paper_type)),
		file_attachments(position, files(id, name)))`;

type Attachment = { position: number; files: FileRef | null };

/** Files the caller may see (RLS turns the others into null), in their position order. */
const visibleFiles = (attachments: Attachment[]): FileRef[] =>
	attachments
		.toSorted((a, b) => a.position - b.position)
		.flatMap((a) => (a.files ? [{ id: a.files.id, name: a.files.name }] : []));

async function neighbour(
	supabase: Client,
	organizationId: string,
	startAt: string,
	direction: 'previous' | 'next'
) {
	let query = supabase
		.from('meetings')
		.select('id, name, start_at, only:meeting_organizations!inner(organization_id)')
		.eq('only.organization_id', organizationId);
	query =
		direction === 'previous'
			? query.lt('start_at', startAt).order('start_at', { ascending: false })
			: query.gt('start_at', startAt).order('start_at');
	const { data, error } = await query.limit(1).maybeSingle();
	if (error) throw new Error(`Nachbarsitzung konnte nicht geladen werden: ${error.message}`);
	return data ? { id: data.id, name: data.name, startAt: data.start_at } : null;
}

/** The meeting, or null when it does not exist or the caller may not see it. */
export async function getMeeting(supabase: Client, id: string): Promise<MeetingDetail | null> {
	const [{ data: m, error }, { data: count, error: countError }] = await Promise.all([
		supabase
			.from('meetings')
			.select(detailColumns)
			.eq('id', id)
			.order('order', { referencedTable: 'agenda_items' })
			.maybeSingle(),
		supabase.rpc('nonpublic_item_count', { meeting_id: id })
	]);
	if (error) throw new Error(`Sitzung konnte nicht geladen werden: ${error.message}`);
	if (countError) throw new Error(`Sitzung konnte nicht geladen werden: ${countError.message}`);
	if (!m) return null;

	const items: AgendaItem[] = m.agenda_items.map((i) => ({
		id: i.id,
		number: i.number,
		name: i.name,
		public: i.public,
		supplement: i.is_supplement,
		result: i.result,
		resolutionText: i.resolution_text,
		resolutionFile: i.resolution_file,
		papers: i.consultations.flatMap((c) =>
			c.papers
				? [
						{
							id: c.papers.id,
							reference: c.papers.reference,
							name: c.papers.name,
							type: c.papers.paper_type,
							role: c.role
						}
					]
				: []
		),
		files: visibleFiles(i.file_attachments)
	}));
	const organizations = m.meeting_organizations.flatMap((mo) =>
		mo.organizations
			? [
					{
						id: mo.organizations.id,
						name: mo.organizations.name,
						type: mo.organizations.organization_type
					}
				]
			: []
	);
	const home = organizations[0]?.id;
	const [previous, next] = home
		? await Promise.all([
				neighbour(supabase, home, m.start_at, 'previous'),
				neighbour(supabase, home, m.start_at, 'next')
			])
		: [null, null];
	const l = m.locations;
	return {
		id: m.id,
		name: m.name,
		startAt: m.start_at,
		endAt: m.end_at,
		cancelled: m.cancelled,
		state: m.meeting_state,
		modifiedAt: m.modified_at,
		location: l
			? {
					description: l.description,
					room: l.room,
					address:
						[l.street_address, [l.postal_code, l.locality].filter(Boolean).join(' ')]
							.filter(Boolean)
							.join(', ') || null
				}
			: null,
		organizations,
		invitation: m.invitation,
		resultsProtocol: m.results_protocol,
		verbatimProtocol: m.verbatim_protocol,
		files: visibleFiles(m.file_attachments),
		publicItems: items.filter((i) => i.public),
		nonPublicItems: items.filter((i) => !i.public),
		nonPublicCount: count ?? 0,
		previous,
		next
	};
}
