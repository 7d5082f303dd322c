// Tile source of the maps: configuration, defaulting to OpenStreetMap. An empty URL means no tiles;
// the project geometries are vector layers and show without them.
import * as v from 'valibot';
import type { ProjectKind, ProjectStatus } from '$lib/projects';

export interface TileConfig {
	url: string;
	attribution: string;
}

export const defaultTiles: TileConfig = {
	url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
	attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende'
};

export function tileConfig(env: Record<string, string | undefined>): TileConfig {
	return {
		url: env.PUBLIC_MAP_TILE_URL ?? defaultTiles.url,
		attribution: env.PUBLIC_MAP_ATTRIBUTION ?? defaultTiles.attribution
	};
}

/** The city's extent, the map's first view. */
export const cityBounds: [[number, number], [number, number]] = [
	[51.1, 6.68],
	[51.35, 6.94]
];

export const kindColor: Record<ProjectKind, string> = {
	building: '#7a2e8e',
	traffic: '#005a9c'
};

/** Finished or stopped projects fade and get a dashed outline, so running ones stand out. */
export const inactiveStatuses: ProjectStatus[] = ['completed', 'stopped'];

const coordinate = (min: number, max: number) =>
	v.pipe(
		v.string(),
		v.regex(/^-?\d{1,3}(\.\d+)?$/),
		v.transform(Number),
		v.minValue(min),
		v.maxValue(max)
	);

/** `bbox=west,south,east,north&cols=…&rows=…` of the map endpoint. */
export const mapQuery = v.object({
	bbox: v.pipe(
		v.string('Der Kartenausschnitt (bbox) fehlt.'),
		v.transform((s) => s.split(',')),
		v.tuple(
			[coordinate(-180, 180), coordinate(-90, 90), coordinate(-180, 180), coordinate(-90, 90)],
			'Der Kartenausschnitt muss die Form bbox=West,Süd,Ost,Nord haben.'
		),
		v.check(
			([w, s, e, n]) => w < e && s < n,
			'Im Kartenausschnitt muss West kleiner als Ost und Süd kleiner als Nord sein.'
		)
	),
	cols: v.pipe(
		v.optional(v.string(), '12'),
		v.regex(/^\d{1,2}$/, 'cols muss eine Zahl von 1 bis 64 sein.'),
		v.transform(Number),
		v.minValue(1, 'cols muss eine Zahl von 1 bis 64 sein.'),
		v.maxValue(64, 'cols muss eine Zahl von 1 bis 64 sein.')
	),
	rows: v.pipe(
		v.optional(v.string(), '12'),
		v.regex(/^\d{1,2}$/, 'rows muss eine Zahl von 1 bis 64 sein.'),
		v.transform(Number),
		v.minValue(1, 'rows muss eine Zahl von 1 bis 64 sein.'),
		v.maxValue(64, 'rows muss eine Zahl von 1 bis 64 sein.')
	)
});

/** One occupied grid cell of the map: a single project, or a cluster of several. */
export interface MapCell {
	count: number;
	center: [number, number];
	bbox: [number, number, number, number];
	project: {
		id: string;
		title: string;
		kind: ProjectKind;
		status: ProjectStatus;
		geometry: GeoJSON.Geometry;
	} | null;
}
