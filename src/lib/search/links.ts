// Stable links for search hits: council pages by id, PDF pages in the reader with the term.
import { highlightTerms } from './params';

export interface SearchHit {
	kind: string;
	sourceId: string;
	pageNumber: number;
	parentId: string | null;
	parentKind: string | null;
	title: string;
	reference: string | null;
	snippet: string;
	date: string | null;
	paperType: string | null;
	result: string | null;
	isPublic: boolean;
}

export function hitHref(hit: SearchHit, q: string): string {
	switch (hit.kind) {
		case 'meeting':
			return `/meetings/${hit.sourceId}`;
		case 'agenda_item':
			return hit.parentId ? `/meetings/${hit.parentId}#top-${hit.sourceId}` : '/meetings';
		case 'paper':
			return `/papers/${hit.sourceId}`;
		case 'file': {
			const terms = highlightTerms(q);
			const query = terms ? `?${new URLSearchParams({ q: terms })}` : '';
			return `/files/${hit.sourceId}${query}#page=${hit.pageNumber}`;
		}
		case 'person':
			return `/persons/${hit.sourceId}`;
		default:
			return `/organizations/${hit.sourceId}`;
	}
}

/** A calendar date (yyyy-mm-dd) as German or English readers write it. */
export function formatHitDate(date: string, locale: 'de' | 'en'): string {
	const [y, m, d] = date.split('-');
	return locale === 'de' ? `${d}.${m}.${y}` : date;
}
