// The bodies of Rheinstadt as definitions: council, district councils, committees, factions,
// offices of the administration, and the rooms where they meet. council.ts turns them into rows.
import { CITY, DISTRICTS, PARTIES } from './text.ts';

export type WithId<T> = T & { id: string };

export const AGS = '05111000';
export const TERM_START = '2025-11-01';
export const TERM_END = '2030-10-31';
/** When the council data of the new term went online. */
export const PUBLISHED_AT = '2025-11-03T09:00:00+01:00';

export interface OrgDef {
	key: string;
	name: string;
	short: string;
	type: 'council' | 'district_council' | 'committee' | 'faction' | 'administration';
	/** "Der Rat der Stadt Rheinstadt", "Die Bezirksvertretung 3" */
	nominative: string;
	/** "des Rates der Stadt Rheinstadt" */
	genitive: string;
	/** "dem Rat der Stadt Rheinstadt" */
	dative: string;
	district?: number;
	/** Meeting rhythm in days, weekday (1 = Monday) and local start time. */
	cadence?: { every: number; weekday: number; time: string; location: string };
}

const committee = (
	key: string,
	name: string,
	short: string,
	every: number,
	weekday: number,
	time: string,
	location: string
): OrgDef => {
	const genitiveName = name.startsWith('Ausschuss')
		? name.replace('Ausschuss', 'Ausschusses')
		: `${name}es`;
	return {
		key,
		name,
		short,
		type: 'committee',
		nominative: `Der ${name}`,
		genitive: `des ${genitiveName}`,
		dative: `dem ${name}`,
		cadence: { every, weekday, time, location }
	};
};

export const COMMITTEES: OrgDef[] = [
	committee(
		'pla',
		'Ausschuss für Planung und Stadtentwicklung',
		'PLA',
		49,
		3,
		'15:00',
		'rathaus-a'
	),
	committee('ova', 'Ordnungs- und Verkehrsausschuss', 'OVA', 49, 2, '15:00', 'rathaus-a'),
	committee('uwa', 'Umweltausschuss', 'UWA', 56, 4, '15:00', 'rathaus-b'),
	committee('scha', 'Schulausschuss', 'SchA', 56, 2, '16:00', 'rathaus-b'),
	committee('fia', 'Finanzausschuss', 'FiA', 49, 1, '15:00', 'rathaus-a'),
	committee('kua', 'Kulturausschuss', 'KuA', 63, 4, '16:00', 'rathaus-b'),
	committee('ha', 'Hauptausschuss', 'HA', 56, 1, '14:00', 'rathaus-plenar'),
	committee('baua', 'Bauausschuss', 'BauA', 56, 5, '10:00', 'technisches-rathaus'),
	committee(
		'awm',
		'Ausschuss für Wohnungswesen und Modernisierung',
		'AWM',
		63,
		3,
		'16:00',
		'technisches-rathaus'
	),
	committee('jha', 'Jugendhilfeausschuss', 'JHA', 63, 2, '15:00', 'rathaus-b'),
	committee('spa', 'Sportausschuss', 'SpA', 70, 3, '16:30', 'rathaus-b'),
	committee('ags', 'Ausschuss für Gesundheit und Soziales', 'AGS', 63, 1, '15:00', 'rathaus-b'),
	committee(
		'awl',
		'Ausschuss für Wirtschaftsförderung, Tourismus und Liegenschaften',
		'AWL',
		56,
		4,
		'14:00',
		'rathaus-a'
	),
	committee(
		'ado',
		'Ausschuss für Digitalisierung und Organisation',
		'ADO',
		70,
		5,
		'13:00',
		'technisches-rathaus'
	),
	committee('rpa', 'Rechnungsprüfungsausschuss', 'RPA', 91, 1, '10:00', 'technisches-rathaus')
];

export const COUNCIL: OrgDef = {
	key: 'rat',
	name: `Rat der Stadt ${CITY}`,
	short: 'Rat',
	type: 'council',
	nominative: `Der Rat der Stadt ${CITY}`,
	genitive: `des Rates der Stadt ${CITY}`,
	dative: `dem Rat der Stadt ${CITY}`,
	cadence: { every: 35, weekday: 4, time: '14:00', location: 'rathaus-plenar' }
};

export const DISTRICT_COUNCILS: OrgDef[] = DISTRICTS.map((d) => ({
	key: `bv${d.number}`,
	name: `Bezirksvertretung ${d.number}`,
	short: `BV ${d.number}`,
	type: 'district_council',
	nominative: `Die Bezirksvertretung ${d.number}`,
	genitive: `der Bezirksvertretung ${d.number}`,
	dative: `der Bezirksvertretung ${d.number}`,
	district: d.number,
	cadence: { every: 42, weekday: d.number % 2 ? 2 : 3, time: '17:00', location: `bvs${d.number}` }
}));

export const ADMINISTRATION: OrgDef[] = [
	['ob', 'Der Oberbürgermeister'],
	['amt61', 'Stadtplanungsamt'],
	['amt66', 'Amt für Verkehrsmanagement'],
	['amt19', 'Umweltamt'],
	['amt40', 'Schulverwaltungsamt'],
	['amt20', 'Stadtkämmerei'],
	['amt41', 'Kulturamt'],
	['amt23', 'Amt für Immobilienmanagement'],
	['amt51', 'Jugendamt'],
	['amt50', 'Amt für Soziales'],
	['amt52', 'Sportamt']
].map(([key, name]) => ({
	key,
	name,
	short: name,
	type: 'administration',
	nominative: name,
	genitive: name,
	dative: name
}));

export const FACTIONS: OrgDef[] = PARTIES.map((p) => ({
	key: p.key,
	name: `Fraktion ${p.name}`,
	short: p.short,
	type: 'faction',
	nominative: `Die Fraktion ${p.name}`,
	genitive: `der Fraktion ${p.name}`,
	dative: `der Fraktion ${p.name}`
}));

export interface LocationDef {
	key: string;
	description: string;
	room: string;
	street: string;
	postalCode: string;
	lngLat: [number, number];
}

export const LOCATIONS: LocationDef[] = [
	{
		key: 'rathaus-plenar',
		description: 'Rathaus',
		room: 'Plenarsaal',
		street: 'Marktplatz 2',
		postalCode: '40213',
		lngLat: [6.7719, 51.2259]
	},
	{
		key: 'rathaus-a',
		description: 'Rathaus',
		room: 'Ausschusssaal A (Raum 1.21)',
		street: 'Marktplatz 2',
		postalCode: '40213',
		lngLat: [6.7719, 51.2259]
	},
	{
		key: 'rathaus-b',
		description: 'Rathaus',
		room: 'Ausschusssaal B (Raum 2.14)',
		street: 'Marktplatz 2',
		postalCode: '40213',
		lngLat: [6.7719, 51.2259]
	},
	{
		key: 'technisches-rathaus',
		description: 'Technisches Rathaus',
		room: 'Sitzungsraum 4.01',
		street: 'Brinckmannstraße 5',
		postalCode: '40225',
		lngLat: [6.7931, 51.2082]
	},
	...DISTRICTS.map((d) => ({
		key: `bvs${d.number}`,
		description: `Bezirksverwaltungsstelle ${d.number} (${d.name})`,
		room: 'Sitzungssaal',
		street: d.office,
		postalCode: d.postalCode,
		lngLat: [
			Number((d.center[0] + 0.002).toFixed(4)),
			Number((d.center[1] - 0.001).toFixed(4))
		] as [number, number]
	}))
];
