// Bodies (Gremien): council, committees, district councils, factions, with members, meetings and
// the papers consulted there.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { isCurrent } from '$lib/persons';
import type { PaperSummary } from '$lib/papers';

type Client = SupabaseClient<Database>;
export type OrganizationType = Database['public']['Enums']['organization_type'];

export interface OrganizationSummary {
	id: string;
	name: string;
	shortName: string | null;
	type: OrganizationType;
}

export interface Member {
	person: { id: string; name: string };
	/** The person's current faction (short name), for bodies other than factions. */
	faction: string | null;
	role: string | null;
	votingRight: boolean;
	startDate: string;
	endDate: string | null;
}

export interface OrganizationDetail extends OrganizationSummary {
	classification: string | null;
	website: string | null;
	members: Member[];
	formerMembers: Member[];
	papers: (PaperSummary & { role: Database['public']['Enums']['consultation_role'] })[];
}

/** The order in which a visitor looks for bodies. */
export const groupOrder: OrganizationType[] = [
	'council',
	'committee',
	'district_council',
	'faction',
	'advisory_board',
	'administration',
	'other'
];

export async function listOrganizations(
	supabase: Client,
	{ type }: { type?: OrganizationType } = {}
): Promise<OrganizationSummary[]> {
	let query = supabase
		.from('organizations')
		.select('id, name, short_name, organization_type')
		.order('name');
	if (type) query = query.eq('organization_type', type);
	const { data, error } = await query;
	if (error) throw new Error(`Gremien konnten nicht geladen werden: ${error.message}`);
	return data
		.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name, type: o.organization_type }))
		.sort((a, b) => a.name.localeCompare(b.name, 'de', { numeric: true }));
}

/** Grouped in `groupOrder`, empty groups left out. */
export function groupOrganizations(organizations: OrganizationSummary[]) {
	return groupOrder
		.map((type) => ({ type, organizations: organizations.filter((o) => o.type === type) }))
		.filter((g) => g.organizations.length > 0);
}

// Chairs first, then deputies, then everyone else alphabetically: how a body presents itself.
const roleRank = (role: string | null) => {
	const r = (role ?? '').toLowerCase();
	if (r.includes('stellv')) return 1;
	if (r.includes('vorsitz') || r.includes('oberbürgermeister') || r.includes('bezirksbürger'))
		return 0;
	return 2;
};

function factionOf(
	memberships: {
		start_date: string;
		end_date: string | null;
		organizations: {
			name: string;
			short_name: string | null;
			organization_type: OrganizationType;
		} | null;
	}[],
	type: OrganizationType,
	day: string
): string | null {
	if (type === 'faction') return null;
	const faction = memberships.find(
		(m) => m.organizations?.organization_type === 'faction' && isCurrent(m, day)
	)?.organizations;
	return faction ? (faction.short_name ?? faction.name) : null;
}

/** The body, or null when it does not exist or is not published. */
export async function getOrganization(
	supabase: Client,
	id: string
): Promise<OrganizationDetail | null> {
	const [{ data: o, error }, { data: consulted, error: papersError }] = await Promise.all([
		supabase
			.from('organizations')
			.select(
				'id, name, short_name, organization_type, classification, website, memberships!memberships_organization_id_fkey(role, voting_right, start_date, end_date, persons(id, name, family_name, memberships(start_date, end_date, organizations!memberships_organization_id_fkey(name, short_name, organization_type))))'
			)
			.eq('id', id)
			.maybeSingle(),
		supabase
			.from('consultations')
			.select('role, papers(id, reference, name, paper_type, date)')
			.eq('organization_id', id)
			.order('created_at', { ascending: false })
			.limit(40)
	]);
	if (error) throw new Error(`Gremium konnte nicht geladen werden: ${error.message}`);
	if (papersError) throw new Error(`Vorlagen konnten nicht geladen werden: ${papersError.message}`);
	if (!o) return null;
	const day = new Date().toISOString().slice(0, 10);
	const members = o.memberships
		.flatMap((m) =>
			m.persons
				? [
						{
							person: { id: m.persons.id, name: m.persons.name },
							faction: factionOf(m.persons.memberships, o.organization_type, day),
							family: m.persons.family_name ?? m.persons.name,
							role: m.role,
							votingRight: m.voting_right,
							startDate: m.start_date,
							endDate: m.end_date,
							current: isCurrent(m, day)
						}
					]
				: []
		)
		.sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.family.localeCompare(b.family, 'de'));
	const strip = ({
		person,
		faction,
		role,
		votingRight,
		startDate,
		endDate
	}: (typeof members)[number]) => ({
		person,
		faction,
		role,
		votingRight,
		startDate,
		endDate
	});
	const seen = new Set<string>();
	const papers = (consulted ?? []).flatMap((c) => {
		if (!c.papers || seen.has(c.papers.id)) return [];
		seen.add(c.papers.id);
		const p = c.papers;
		return [
			{
				id: p.id,
				reference: p.reference,
				name: p.name,
				type: p.paper_type,
				date: p.date,
				role: c.role
			}
		];
	});
	papers.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
	return {
		id: o.id,
		name: o.name,
		shortName: o.short_name,
		type: o.organization_type,
		classification: o.classification,
		website: o.website,
		members: members.filter((m) => m.current).map(strip),
		formerMembers: members.filter((m) => !m.current).map(strip),
		papers: papers.slice(0, 20)
	};
}

/** The kinds of bodies that hold meetings (factions and offices do not publish theirs). */
export const meetingBodyTypes: OrganizationType[] = [
	'council',
	'committee',
	'district_council',
	'advisory_board',
	'other'
];

export async function getOrganizationName(supabase: Client, id: string): Promise<string | null> {
	const { data, error } = await supabase
		.from('organizations')
		.select('name')
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`Gremium konnte nicht geladen werden: ${error.message}`);
	return data?.name ?? null;
}
