// The body, its legislative term and organisations as rows, the people in them (council members by
// faction, district councillors, sachkundige Bürgerinnen und Bürger) and their memberships.
import type { TablesInsert } from '../../src/lib/database.types.ts';
import {
	ADMINISTRATION,
	AGS,
	COMMITTEES,
	COUNCIL,
	DISTRICT_COUNCILS,
	FACTIONS,
	LOCATIONS,
	PUBLISHED_AT,
	TERM_END,
	TERM_START,
	type OrgDef,
	type WithId
} from './bodies.ts';
import { addDays } from './calendar.ts';
import type { Random } from './random.ts';
import { CITY, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, PARTIES } from './text.ts';

export type { OrgDef, WithId } from './bodies.ts';
export { PUBLISHED_AT } from './bodies.ts';

export interface Council {
	body: WithId<TablesInsert<'bodies'>>;
	term: WithId<TablesInsert<'legislative_terms'>>;
	organizations: WithId<TablesInsert<'organizations'>>[];
	persons: WithId<TablesInsert<'persons'>>[];
	memberships: WithId<TablesInsert<'memberships'>>[];
	locations: WithId<TablesInsert<'locations'>>[];
	/** Organisation id by key ('rat', 'bv3', 'pla', 'ssp', 'amt61', …) and the definitions. */
	orgId: Record<string, string>;
	orgDef: Record<string, OrgDef>;
	locationId: Record<string, string>;
	/** Persons chairing each faction (for motions) and the member linked to the demo login. */
	factionChair: Record<string, string>;
	memberPersonId: string;
	/** Organisation keys of the demo council member (council, faction and committees). */
	memberOrgKeys: string[];
}

interface PersonSpec {
	given: string;
	family: string;
	female: boolean;
	title?: string;
}

export function buildCouncil(rng: Random, today: string): Council {
	const body: Council['body'] = {
		id: rng.uuid(),
		name: `Stadt ${CITY}`,
		short_name: CITY,
		ags: AGS,
		website: 'https://www.rheinstadt.example',
		license: 'https://creativecommons.org/licenses/by/4.0/',
		published_at: PUBLISHED_AT
	};
	const term: Council['term'] = {
		id: rng.uuid(),
		body_id: body.id,
		name: 'Wahlperiode 2025–2030',
		start_date: TERM_START,
		end_date: TERM_END
	};
	const defs = [COUNCIL, ...DISTRICT_COUNCILS, ...COMMITTEES, ...FACTIONS, ...ADMINISTRATION];
	const orgId: Record<string, string> = {};
	const orgDef: Record<string, OrgDef> = {};
	const classification: Record<OrgDef['type'], string> = {
		council: 'Parlament',
		district_council: 'Bezirksvertretung',
		committee: 'Ausschuss',
		faction: 'Fraktion',
		administration: 'Verwaltung'
	};
	const organizations = defs.map((def) => {
		orgId[def.key] = rng.uuid();
		orgDef[def.key] = def;
		return {
			id: orgId[def.key],
			body_id: body.id,
			name: def.name,
			short_name: def.short,
			organization_type: def.type,
			classification: classification[def.type],
			start_date: def.type === 'administration' ? null : TERM_START,
			published_at: PUBLISHED_AT
		};
	});

	const locationId: Record<string, string> = {};
	const locations = LOCATIONS.map((l) => {
		locationId[l.key] = rng.uuid();
		return {
			id: locationId[l.key],
			description: l.description,
			room: l.room,
			street_address: l.street,
			postal_code: l.postalCode,
			locality: CITY,
			geojson: { type: 'Point', coordinates: l.lngLat }
		};
	});

	// ── people ──
	const used = new Set<string>();
	const newPerson = (forced?: PersonSpec): PersonSpec => {
		if (forced) return (used.add(`${forced.given} ${forced.family}`), forced);
		for (;;) {
			const female = rng.chance(0.48);
			const given = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
			const family = rng.pick(FAMILY_NAMES);
			if (used.has(`${given} ${family}`)) continue;
			used.add(`${given} ${family}`);
			return { given, family, female, title: rng.chance(0.12) ? 'Dr.' : undefined };
		}
	};
	const persons: Council['persons'] = [];
	const memberships: Council['memberships'] = [];
	const addPerson = (spec: PersonSpec) => {
		const id = rng.uuid();
		persons.push({
			id,
			body_id: body.id,
			name: [spec.title, spec.given, spec.family].filter(Boolean).join(' '),
			given_name: spec.given,
			family_name: spec.family,
			title: spec.title ?? null,
			form_of_address: spec.female ? 'Frau' : 'Herr',
			gender: spec.female ? 'female' : 'male',
			published_at: PUBLISHED_AT
		});
		return { id, spec };
	};
	const join = (
		personId: string,
		org: string,
		role: string,
		opts: { from?: string; until?: string; onBehalfOf?: string; voting?: boolean } = {}
	) => {
		memberships.push({
			id: rng.uuid(),
			person_id: personId,
			organization_id: orgId[org],
			role,
			voting_right: opts.voting ?? true,
			on_behalf_of: opts.onBehalfOf ? orgId[opts.onBehalfOf] : null,
			start_date: opts.from ?? TERM_START,
			end_date: opts.until ?? null
		});
	};

	// The mayor chairs the council and the Hauptausschuss.
	const mayor = addPerson(
		newPerson({ given: 'Katharina', family: 'Albrecht', female: true, title: 'Dr.' })
	);
	join(mayor.id, 'rat', 'Vorsitz');

	// Council members by faction; the first SSP member is the demo login's person.
	const councillors: Record<string, string[]> = {};
	const factionChair: Record<string, string> = {};
	let deputies = 0;
	let memberPersonId = '';
	for (const party of PARTIES) {
		councillors[party.key] = [];
		for (let i = 0; i < party.seats; i++) {
			const forced =
				party.key === 'ssp' && i === 0
					? { given: 'Miriam', family: 'Terhorst', female: true }
					: undefined;
			const p = addPerson(newPerson(forced));
			if (forced) memberPersonId = p.id;
			councillors[party.key].push(p.id);
			const councilRole = i === 3 && deputies < 2 ? 'stellv. Vorsitz' : 'Mitglied';
			if (councilRole !== 'Mitglied') deputies++;
			join(p.id, 'rat', councilRole, { onBehalfOf: party.key });
			join(p.id, party.key, i === 1 ? 'Vorsitz' : i === 2 ? 'stellv. Vorsitz' : 'Mitglied');
			if (i === 1) factionChair[party.key] = p.id;
		}
	}

	// Committees: 9 council seats each (RBU 3, SSP 2, ULR 2, LMR 1, LSR 1), an advisory UBL member
	// and sometimes a sachkundige Bürgerin or ein sachkundiger Bürger.
	const seatsPerCommittee: [string, number][] = [
		['rbu', 3],
		['ssp', 2],
		['ulr', 2],
		['lmr', 1],
		['lsr', 1]
	];
	const rotation: Record<string, number> = {};
	const nextOf = (party: string) => {
		const list = councillors[party];
		const i = rotation[party] ?? 0;
		rotation[party] = i + 1;
		return list[i % list.length];
	};
	const chairs = ['rbu', 'ssp', 'ulr'];
	const citizens = Array.from({ length: 10 }, () => addPerson(newPerson()));
	const memberOrgKeys = ['rat', 'ssp'];
	COMMITTEES.forEach((c, ci) => {
		const seated: { id: string; party: string }[] = [];
		for (const [party, seats] of seatsPerCommittee) {
			for (let s = 0; s < seats; s++) seated.push({ id: nextOf(party), party });
		}
		// The demo council member sits in planning and the building committee.
		if (c.key === 'pla' || c.key === 'baua') {
			const slot = seated.findIndex((s) => s.party === 'ssp');
			if (!seated.some((s) => s.id === memberPersonId)) seated[slot].id = memberPersonId;
			memberOrgKeys.push(c.key);
		}
		const chairParty = chairs[ci % chairs.length];
		const deputyParty = chairs[(ci + 1) % chairs.length];
		const chair = seated.find((s) => s.party === chairParty);
		const deputy = seated.find((s) => s.party === deputyParty);
		for (const s of seated) {
			const role = s === chair ? 'Vorsitz' : s === deputy ? 'stellv. Vorsitz' : 'Mitglied';
			join(s.id, c.key, role, { onBehalfOf: s.party });
		}
		const ubl = councillors.ubl[ci % councillors.ubl.length];
		join(ubl, c.key, 'beratendes Mitglied', { onBehalfOf: 'ubl', voting: false });
		if (ci < 12) {
			const citizen = citizens[ci % citizens.length];
			const party = PARTIES[(ci % citizens.length) % 3].key;
			const role = citizen.spec.female ? 'sachkundige Bürgerin' : 'sachkundiger Bürger';
			join(citizen.id, c.key, role, { onBehalfOf: party });
			if (ci < citizens.length) join(citizen.id, party, 'Mitglied');
		}
	});
	join(mayor.id, 'ha', 'Vorsitz');

	// A resignation mid-term: the successor takes over the seat and every committee place.
	const leaving = councillors.rbu[councillors.rbu.length - 1];
	const successor = addPerson(newPerson());
	const handover = addDays(today, -150);
	for (const m of memberships.filter((m) => m.person_id === leaving)) {
		m.end_date = addDays(handover, -1);
		memberships.push({
			...m,
			id: rng.uuid(),
			person_id: successor.id,
			start_date: handover,
			end_date: null
		});
	}

	// District councils: five named members each, chaired by the Bezirksbürgermeister(in).
	const partyWeights = PARTIES.map((p) => [p.key, p.seats] as const);
	for (const bv of DISTRICT_COUNCILS) {
		for (let i = 0; i < 5; i++) {
			const p = addPerson(newPerson());
			const party = i === 0 ? rng.pick(['rbu', 'ssp', 'ulr']) : rng.weighted(partyWeights);
			join(p.id, bv.key, i === 0 ? 'Vorsitz' : i === 1 ? 'stellv. Vorsitz' : 'Mitglied', {
				onBehalfOf: party
			});
			join(p.id, party, 'Mitglied');
		}
	}

	return {
		body,
		term,
		organizations,
		persons,
		memberships,
		locations,
		orgId,
		orgDef,
		locationId,
		factionChair,
		memberPersonId,
		memberOrgKeys
	};
}
