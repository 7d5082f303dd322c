import { describe, expect, it } from 'vitest';
import { meetingsHref, papersHref } from './council-urls';

const org = '6f1c2b0e-8a54-4d2b-9c77-0d7f0a4e9b11';

describe('meetingsHref', () => {
	it('leaves defaults out and keeps the body filter across views', () => {
		expect(meetingsHref({})).toBe('/meetings');
		expect(meetingsHref({ zeit: 'kommende', seite: 1 })).toBe('/meetings');
		expect(meetingsHref({ zeit: 'vergangene', seite: 3, gremium: org })).toBe(
			`/meetings?zeit=vergangene&seite=3&gremium=${org}`
		);
		expect(meetingsHref({ ansicht: 'kalender', monat: '2026-12', gremium: org, seite: 4 })).toBe(
			`/meetings?ansicht=kalender&monat=2026-12&gremium=${org}`
		);
	});
});

describe('papersHref', () => {
	it('encodes the type and leaves page 1 out', () => {
		expect(papersHref({})).toBe('/papers');
		expect(papersHref({ typ: 'Änderungsantrag', seite: 1 })).toBe(
			'/papers?typ=%C3%84nderungsantrag'
		);
		expect(papersHref({ seite: 2 })).toBe('/papers?seite=2');
	});
});
