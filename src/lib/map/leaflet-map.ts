// Everything that touches Leaflet, imported lazily by the map components: pages render and work
// without it, and visitors who never open a map never download it.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { cityBounds, inactiveStatuses, kindColor, type MapCell, type TileConfig } from './config';
import type { ProjectKind, ProjectStatus } from '$lib/projects';

function baseMap(element: HTMLElement, tiles: TileConfig): L.Map {
	const map = L.map(element, { zoomControl: true, attributionControl: true });
	map.fitBounds(cityBounds);
	if (tiles.url) {
		L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
	}
	return map;
}

function style(kind: ProjectKind, status: ProjectStatus): L.PathOptions {
	const inactive = inactiveStatuses.includes(status);
	return {
		color: kindColor[kind],
		weight: 4,
		opacity: inactive ? 0.55 : 0.95,
		fillOpacity: inactive ? 0.12 : 0.3,
		dashArray: inactive ? '6 6' : undefined
	};
}

function pointMarker(kind: ProjectKind, status: ProjectStatus, latlng: L.LatLng): L.Layer {
	return L.circleMarker(latlng, { ...style(kind, status), radius: 9, fillOpacity: 0.8 });
}

export interface ProjectsMap {
	show(cells: MapCell[]): void;
	bounds(): [number, number, number, number];
	/** Grid size for the current view: about one cell per 70 pixels. */
	grid(): { cols: number; rows: number };
	onMove(callback: () => void): void;
	destroy(): void;
}

/** The overview map of /projects: clusters and single projects, each linking to its page. */
export function createProjectsMap(
	element: HTMLElement,
	tiles: TileConfig,
	labels: { cluster: (count: number) => string }
): ProjectsMap {
	const map = baseMap(element, tiles);
	const layer = L.layerGroup().addTo(map);
	return {
		show(cells) {
			layer.clearLayers();
			for (const cell of cells) {
				if (cell.project) {
					const p = cell.project;
					const geo = L.geoJSON(p.geometry, {
						style: () => style(p.kind, p.status),
						pointToLayer: (_, latlng) => pointMarker(p.kind, p.status, latlng)
					});
					const link = document.createElement('a');
					link.href = `/projects/${p.id}`;
					link.textContent = p.title;
					geo.bindPopup(link);
					geo.addTo(layer);
				} else {
					const [lng, lat] = cell.center;
					const icon = L.divIcon({
						className: 'map-cluster',
						html: `<span>${cell.count}</span>`,
						iconSize: [40, 40]
					});
					const marker = L.marker([lat, lng], {
						icon,
						title: labels.cluster(cell.count),
						alt: labels.cluster(cell.count),
						keyboard: true
					});
					const [w, s, e, n] = cell.bbox;
					marker.on('click', () =>
						map.fitBounds(
							[
								[s, w],
								[n, e]
							],
							{ padding: [24, 24] }
						)
					);
					marker.addTo(layer);
				}
			}
		},
		bounds() {
			const b = map.getBounds();
			return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
		},
		grid() {
			const size = map.getSize();
			return {
				cols: Math.min(64, Math.max(1, Math.round(size.x / 70))),
				rows: Math.min(64, Math.max(1, Math.round(size.y / 70)))
			};
		},
		onMove(callback) {
			map.on('moveend', callback);
		},
		destroy() {
			map.remove();
		}
	};
}

export interface ProjectMap {
	/** Places (or with null removes) the draft pin of the comment form. */
	setPin(pin: [number, number] | null): void;
	center(): [number, number];
	destroy(): void;
}

/** One project's geometry, the published pins, and (when signed in) a pin to drop by clicking. */
export function createProjectMap(
	element: HTMLElement,
	tiles: TileConfig,
	project: { geometry: GeoJSON.Geometry; kind: ProjectKind; status: ProjectStatus },
	pins: { lngLat: [number, number]; label: string }[],
	onPin: ((pin: [number, number]) => void) | null,
	labels: { pin: string }
): ProjectMap {
	const map = baseMap(element, tiles);
	const shape = L.geoJSON(project.geometry, {
		style: () => style(project.kind, project.status),
		pointToLayer: (_, latlng) => pointMarker(project.kind, project.status, latlng)
	}).addTo(map);
	const bounds = shape.getBounds();
	if (bounds.isValid()) map.fitBounds(bounds.pad(0.3), { maxZoom: 17 });
	for (const pin of pins) {
		L.circleMarker([pin.lngLat[1], pin.lngLat[0]], {
			radius: 6,
			color: '#b35900',
			fillOpacity: 0.9
		})
			.bindTooltip(pin.label)
			.addTo(map);
	}
	let draft: L.Marker | null = null;
	const setPin = (pin: [number, number] | null) => {
		draft?.remove();
		draft = null;
		if (pin) {
			// A div icon: Leaflet's default image icon does not survive bundling.
			const icon = L.divIcon({ className: 'map-pin', iconSize: [22, 22] });
			draft = L.marker([pin[1], pin[0]], { icon, title: labels.pin, alt: labels.pin });
			draft.addTo(map);
		}
	};
	if (onPin) {
		map.on('click', (event: L.LeafletMouseEvent) => {
			const pin: [number, number] = [
				Number(event.latlng.lng.toFixed(6)),
				Number(event.latlng.lat.toFixed(6))
			];
			setPin(pin);
			onPin(pin);
		});
	}
	return {
		setPin,
		center() {
			const c = map.getCenter();
			return [Number(c.lng.toFixed(6)), Number(c.lat.toFixed(6))];
		},
		destroy() {
			map.remove();
		}
	};
}
