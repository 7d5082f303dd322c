import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { commentErrorMessage, commentForm, parsePin, reportForm } from './comments';

const form = (fields: Record<string, string>) =>
	v.safeParse(commentForm, { body: 'Text', ...fields });

describe('comment form', () => {
	it('accepts 1 to 5,000 characters and trims them', () => {
		const ok = form({ body: '  Mehr Bäume!  ' });
		expect(ok.success && ok.output.body).toBe('Mehr Bäume!');
		expect(form({ body: 'x'.repeat(5000) }).success).toBe(true);
	});

	it.each([
		['an empty body', { body: '   ' }, 'Bitte schreiben Sie einen Beitrag.'],
		['a body over 5,000 characters', { body: 'x'.repeat(5001) }, 'höchstens 5.000 Zeichen'],
		['a filled honeypot', { website: 'http://spam.example' }, 'leer bleiben'],
		['a malformed parent id', { parent_id: '1; drop table' }, 'ungültig']
	])('rejects %s', (_, fields, message) => {
		const r = form(fields);
		expect(r.success).toBe(false);
		expect(r.issues?.[0].message).toContain(message);
	});

	it('keeps HTML as text: validation does not alter it', () => {
		const r = form({ body: '<script>alert(1)</script>' });
		expect(r.success && r.output.body).toBe('<script>alert(1)</script>');
	});
});

describe('pins', () => {
	it('accepts both coordinates or none', () => {
		expect(parsePin('6.78', '51.22')).toEqual({ pin: { pin_lng: 6.78, pin_lat: 51.22 } });
		expect(parsePin('', '')).toEqual({ pin: { pin_lng: null, pin_lat: null } });
	});

	it.each([
		['200', '51'],
		['6.7', ''],
		['abc', '51'],
		['6.7', '95'],
		['1e3', '5']
	])('rejects lng %s, lat %s', (lng, lat) => {
		expect(parsePin(lng, lat)).toHaveProperty('error');
	});
});

describe('reports and errors', () => {
	it('needs a known reason', () => {
		const id = '7b0b7c2e-4a55-4a7e-9d3e-1b6f3e1a2c3d';
		expect(v.safeParse(reportForm, { comment_id: id, reason: 'spam' }).success).toBe(true);
		expect(v.safeParse(reportForm, { comment_id: id, reason: 'egal' }).success).toBe(false);
	});

	it('turns the rate limit into a message that promises the text is kept', () => {
		expect(commentErrorMessage({ code: 'PT429', message: '' })).toContain(
			'Ihr Text bleibt erhalten'
		);
	});
});
