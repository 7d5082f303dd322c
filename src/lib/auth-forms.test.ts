import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	deleteAccountForm,
	fieldErrors,
	magicLinkLogin,
	passwordLogin,
	pseudonymForm,
	safeRedirect
} from './auth-forms';

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

describe('messages follow the locale', () => {
	const errors = (schema: v.GenericSchema, input: unknown, lang?: 'de' | 'en') => {
		const result = v.safeParse(schema, input, lang ? { lang } : undefined);
		expect(result.success).toBe(false);
		return result.success ? {} : fieldErrors(result.issues);
	};

	it('are English for en', () => {
		expect(errors(passwordLogin, { email: 'kein-at', password: '' }, 'en')).toEqual({
			email: 'Please enter a valid e-mail address, e.g. name@example.com.',
			password: 'Please enter your password.'
		});
		expect(errors(magicLinkLogin, { email: '   ' }, 'en')).toEqual({
			email: 'Please enter your e-mail address.'
		});
		expect(errors(magicLinkLogin, { email: `${'a'.repeat(250)}@b.de` }, 'en')).toEqual({
			email: 'The e-mail address is too long.'
		});
		expect(errors(passwordLogin, { email: 'a@b.de', password: 'x'.repeat(201) }, 'en')).toEqual({
			password: 'The password is too long.'
		});
	});

	it('are German for de and when no language is given', () => {
		expect(errors(magicLinkLogin, {}, 'de')).toEqual({
			email: 'Bitte geben Sie Ihre E-Mail-Adresse ein.'
		});
		expect(errors(magicLinkLogin, {})).toEqual(errors(magicLinkLogin, {}, 'de'));
	});

	it('cover the account forms in both languages', () => {
		expect(errors(pseudonymForm, { display_name: 'a@b.de' }, 'en')).toEqual({
			display_name: 'Please do not use an e-mail address as your pseudonym.'
		});
		expect(errors(pseudonymForm, { display_name: 'x' }, 'en')).toEqual({
			display_name: 'A pseudonym has at least 2 characters.'
		});
		expect(errors(pseudonymForm, { display_name: '<b>' }, 'de')).toEqual({
			display_name: 'Bitte verwenden Sie keine spitzen Klammern.'
		});
		expect(errors(deleteAccountForm, { confirm: 'delete' }, 'en')).toEqual({
			confirm: 'Please type LÖSCHEN to confirm.'
		});
		expect(errors(pseudonymForm, {}, 'en')).toEqual({
			display_name: 'Please choose a pseudonym.'
		});
		expect(errors(deleteAccountForm, {}, 'de')).toEqual({
			confirm: 'Bitte geben Sie zur Bestätigung LÖSCHEN ein.'
		});
		expect(v.safeParse(deleteAccountForm, { confirm: 'LÖSCHEN' }).success).toBe(true);
		const trimmed = v.safeParse(pseudonymForm, { display_name: '  Rheinländerin ' });
		expect(trimmed.success && trimmed.output.display_name).toBe('Rheinländerin');
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
