// The map's data: projects in a bounding box, clustered in the database (see project_map in the
// participation migration), so a view over thousands of projects stays a few kilobytes.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { MapCell } from '$lib/map/config';
import type { ProjectFilters } from '$lib/projects';

export async function projectMapCells(
	supabase: SupabaseClient<Database>,
	bbox: [number, number, number, number],
	grid: { cols: number; rows: number },
	filters: Pick<ProjectFilters, 'kind' | 'status' | 'open'>
): Promise<MapCell[]> {
	const [west, south, east, north] = bbox;
	const { data, error } = await supabase.rpc('project_map', {
		west,
		south,
		east,
		north,
		grid_columns: grid.cols,
		grid_rows: grid.rows,
		kinds: filters.kind ? [filters.kind] : undefined,
		statuses: filters.status ? [filters.status] : undefined,
		open_only: filters.open
	});
	if (error) throw new Error(`Die Karte konnte nicht geladen werden: ${error.message}`);
	return data.map((c) => ({
		count: c.cell_count,
		center: [c.lng, c.lat],
		bbox: [c.min_lng, c.min_lat, c.max_lng, c.max_lat],
		project:
			c.cell_count === 1 && c.id
				? {
						id: c.id,
						title: c.title,
						kind: c.kind,
						status: c.status,
						geometry: c.geometry as unknown as GeoJSON.Geometry
					}
				: null
	}));
}
