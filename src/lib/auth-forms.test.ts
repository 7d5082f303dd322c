import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fieldErrors, passwordLogin, safeRedirect } from './auth-forms';

describe('login form validation', () => {
	it('accepts a trimmed address and a password', () => {
		const result = v.safeParse(passwordLogin, { email: ' a@b.de ', password: 'x' });
		expect(result.success && result.output.email).toBe('a@b.de');
	});
	it('names each field that needs fixing', () => {
		const result = v.safeParse(passwordLogin, { email: 'kein-at', password: '' });
		expect(result.success).toBe(false);
		if (!result.success) {
			expect(fieldErrors(result.issues)).toEqual({
				email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
				password: 'Bitte geben Sie Ihr Passwort ein.'
			});
		}
	});
});

describe('safeRedirect', () => {
	it.each([
		['/meetings', '/meetings'],
		['//evil.example', '/'],
		['https://evil.example', '/'],
		['/\\evil.example', '/'],
		[null, '/']
	])('%s → %s', (input, expected) => {
		expect(safeRedirect(input)).toBe(expected);
	});
});
