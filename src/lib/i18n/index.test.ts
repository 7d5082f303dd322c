import { describe, expect, it } from 'vitest';
import { resolveLocale } from './index';

describe('resolveLocale', () => {
	it('prefers the saved choice', () => {
		expect(resolveLocale('en', 'de-DE,de;q=0.9')).toBe('en');
	});
	it('falls back to the first supported browser language', () => {
		expect(resolveLocale(undefined, 'fr-FR, en-GB;q=0.8, de;q=0.5')).toBe('en');
	});
	it('ignores unknown cookies and defaults to German', () => {
		expect(resolveLocale('xx', 'fr')).toBe('de');
		expect(resolveLocale(undefined, null)).toBe('de');
	});
});
