// The facet panel as the server renders it: counts from a sample say "ca." and why, exact counts
// don't. The demo data never has more than 10,000 hits, so no page of the running app shows
// estimates; the SQL side is tested in tests/integration/search-estimates.test.ts.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import messages from '$lib/i18n/search';
import FacetPanel from './FacetPanel.svelte';
import { parseSearch } from './params';

const parsed = parseSearch(new URLSearchParams('q=Königsallee'), 'de');
if (!parsed.ok) throw new Error(parsed.message);
const s = parsed.value;

const facets = (estimated: boolean) => ({
	kind: { paper: 120_000, file: 98_000 },
	paper_type: { Beschlussvorlage: 64_000 },
	result: { angenommen: 31_000 },
	year: { '2025': 45_000 },
	organization: [{ id: '6f1c0c5e-8d0a-4d3f-9d41-0d7f2c1a9b10', name: 'Rat', count: 9_800 }],
	estimated_counts: estimated
});

const text = (html: string) =>
	html
		.replace(/<!--.*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');

describe('facet counts', () => {
	it('marks counts estimated from the sample with "ca." and says what that means', () => {
		const shown = text(render(FacetPanel, { props: { s, facets: facets(true) } }).body);
		for (const n of ['120.000', '98.000', '64.000', '31.000', '45.000', '9.800']) {
			expect(shown).toContain(`ca. ${n}`);
		}
		expect(shown).toContain(messages.de.estimatedNote);
	});

	it('shows exact counts as they are', () => {
		const shown = text(render(FacetPanel, { props: { s, facets: facets(false) } }).body);
		expect(shown).toContain('120.000');
		expect(shown).not.toContain('ca.');
		expect(shown).not.toContain(messages.de.estimatedNote);
	});
});
