// Search inside one document. Hits are found in the extracted page text that the server already
// sent (file_pages), so counting and jumping to a hit on page 250 never downloads the whole PDF;
// the text layer of the shown page then marks the same occurrences.

export interface Hit {
	/** 1-based page number. */
	page: number;
	/** Which occurrence on that page (0-based), in reading order. */
	occurrence: number;
}

/** Lower case and single spaces, so "Rad  Weg" finds "rad weg" across line breaks. */
export function normaliseTerm(term: string): string {
	return term.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}

/** Start offsets of the (non-overlapping) occurrences of a normalised term in a text. */
export function occurrences(text: string, term: string): number[] {
	if (!term) return [];
	const haystack = text.replace(/\s/g, ' ').toLocaleLowerCase('de');
	const found: number[] = [];
	for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + term.length)) {
		found.push(at);
	}
	return found;
}

/** Every hit in the document, page by page. */
export function findHits(pages: readonly string[], term: string): Hit[] {
	const needle = normaliseTerm(term);
	const hits: Hit[] = [];
	pages.forEach((text, index) => {
		occurrences(text, needle).forEach((_, occurrence) =>
			hits.push({ page: index + 1, occurrence })
		);
	});
	return hits;
}

/** The first hit on or after a page, for "open at the first hit" and searching from here. */
export function firstHitFrom(hits: readonly Hit[], page: number): number {
	const index = hits.findIndex((hit) => hit.page >= page);
	return index === -1 ? 0 : index;
}

/** Hits per page, for the page list. */
export function hitsPerPage(hits: readonly Hit[]): Map<number, number> {
	const counts = new Map<number, number>();
	for (const hit of hits) counts.set(hit.page, (counts.get(hit.page) ?? 0) + 1);
	return counts;
}

/** A text cut into plain and matching parts, for marking hits in the server-rendered text. */
export function highlight(text: string, term: string): { text: string; hit: boolean }[] {
	const parts: { text: string; hit: boolean }[] = [];
	let from = 0;
	for (const start of occurrences(text, term)) {
		if (start > from) parts.push({ text: text.slice(from, start), hit: false });
		parts.push({ text: text.slice(start, start + term.length), hit: true });
		from = start + term.length;
	}
	if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from), hit: false });
	return parts;
}
