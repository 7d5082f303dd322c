// Persons and their memberships over time, as the public sees them.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

type Client = SupabaseClient<Database>;
type OrganizationType = Database['public']['Enums']['organization_type'];

export interface Membership {
	organization: { id: string; name: string; shortName: string | null; type: OrganizationType };
	role: string | null;
	votingRight: boolean;
	startDate: string;
	endDate: string | null;
	current: boolean;
}

export interface PersonSummary {
	id: string;
	name: string;
	familyName: string | null;
	factions: { id: string; name: string; shortName: string | null }[];
}

export interface PersonDetail {
	id: string;
	name: string;
	title: string | null;
	current: Membership[];
	former: Membership[];
}

/** Is a membership in force on `today` (yyyy-mm-dd)? */
export const isCurrent = (m: { start_date: string; end_date: string | null }, today: string) =>
	m.start_date <= today && (m.end_date === null || m.end_date >= today);

const kindOrder: OrganizationType[] = [
	'council',
	'faction',
	'committee',
	'district_council',
	'advisory_board',
	'administration',
	'other'
];

const today = () => new Date().toISOString().slice(0, 10);

const membershipColumns =
	'role, voting_right, start_date, end_date, organizations!memberships_organization_id_fkey(id, name, short_name, organization_type)';

type MembershipRow = {
	role: string | null;
	voting_right: boolean;
	start_date: string;
	end_date: string | null;
	organizations: {
		id: string;
		name: string;
		short_name: string | null;
		organization_type: OrganizationType;
	} | null;
};

function toMembership(m: MembershipRow, day: string): Membership[] {
	if (!m.organizations) return [];
	const o = m.organizations;
	return [
		{
			organization: { id: o.id, name: o.name, shortName: o.short_name, type: o.organization_type },
			role: m.role,
			votingRight: m.voting_right,
			startDate: m.start_date,
			endDate: m.end_date,
			current: isCurrent(m, day)
		}
	];
}

/** Alphabetical by family name; with `factionId` only current members of that faction. */
export async function listPersons(
	supabase: Client,
	{ factionId }: { factionId?: string } = {}
): Promise<PersonSummary[]> {
	const columns = factionId
		? `id, name, family_name, given_name, memberships(${membershipColumns}), only:memberships!inner(organization_id, start_date, end_date)`
		: `id, name, family_name, given_name, memberships(${membershipColumns})`;
	let query = supabase
		.from('persons')
		.select(columns)
		.order('family_name', { nullsFirst: false })
		.order('given_name');
	if (factionId) query = query.eq('only.organization_id', factionId);
	const { data, error } = await query;
	if (error) throw new Error(`Personen konnten nicht geladen werden: ${error.message}`);
	const day = today();
	const rows = data as unknown as {
		id: string;
		name: string;
		family_name: string | null;
		memberships: MembershipRow[];
		only?: { start_date: string; end_date: string | null }[];
	}[];
	return rows
		.filter((p) => !p.only || p.only.some((m) => isCurrent(m, day)))
		.map((p) => ({
			id: p.id,
			name: p.name,
			familyName: p.family_name,
			factions: p.memberships
				.flatMap((m) => toMembership(m, day))
				.filter((m) => m.current && m.organization.type === 'faction')
				.map((m) => ({
					id: m.organization.id,
					name: m.organization.name,
					shortName: m.organization.shortName
				}))
		}));
}

/** The person with current and former memberships, latest first; null when unknown. */
export async function getPerson(supabase: Client, id: string): Promise<PersonDetail | null> {
	const { data, error } = await supabase
		.from('persons')
		.select(`id, name, title, memberships(${membershipColumns})`)
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`Person konnte nicht geladen werden: ${error.message}`);
	if (!data) return null;
	const day = today();
	// Council and committees before factions and districts, as a CV of public offices reads.
	const rank = (m: Membership) => kindOrder.indexOf(m.organization.type);
	const memberships = (data.memberships as MembershipRow[])
		.flatMap((m) => toMembership(m, day))
		.sort(
			(a, b) =>
				rank(a) - rank(b) ||
				b.startDate.localeCompare(a.startDate) ||
				a.organization.name.localeCompare(b.organization.name, 'de')
		);
	return {
		id: data.id,
		name: data.name,
		title: data.title,
		current: memberships.filter((m) => m.current),
		former: memberships.filter((m) => !m.current)
	};
}

/** The first letter a person is filed under in the alphabetical list. */
export const initial = (p: PersonSummary) =>
	(p.familyName ?? p.name).normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();

/** Persons grouped by initial, groups in alphabetical order. */
export function groupByInitial(persons: PersonSummary[]): [string, PersonSummary[]][] {
	const groups = new Map<string, PersonSummary[]>();
	for (const p of persons) groups.set(initial(p), [...(groups.get(initial(p)) ?? []), p]);
	return [...groups].sort(([a], [b]) => a.localeCompare(b, 'de'));
}
