import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractPdfPages } from '../../src/lib/server/pdf-text.ts';
import { generatePdf, sanitiseForWinAnsi, type PdfDocumentSpec } from './pdf.ts';

const spec = (over: Partial<PdfDocumentSpec> = {}): PdfDocumentSpec => ({
	documentType: 'Beschlussvorlage',
	reference: '04711/2026',
	title: 'Radweg an der Kölner Straße – Ausführungsbeschluss',
	date: '2026-05-12',
	meta: [['Federführung', 'Amt für Verkehrsmanagement']],
	sections: [
		{
			heading: 'Beschlussvorschlag',
			paragraphs: ['Der Ordnungs- und Verkehrsausschuss beschließt.']
		},
		{ heading: 'Sachverhalt', paragraphs: ['Die Fahrbahn ist schadhaft; Bäume bleiben erhalten.'] }
	],
	...over
});

const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('hex');

describe('generatePdf', () => {
	it('gives the same bytes for the same input', async () => {
		const [a, b] = await Promise.all([generatePdf(spec()), generatePdf(spec())]);
		expect(sha512(a)).toBe(sha512(b));
		expect(sha512(await generatePdf(spec({ title: 'Anderer Titel' })))).not.toBe(sha512(a));
	});

	it('fills or cuts to the requested page count, text readable back', async () => {
		for (const targetPages of [1, 4, 12]) {
			const { pageCount, pages } = await extractPdfPages(await generatePdf(spec({ targetPages })));
			expect(pageCount).toBe(targetPages);
			expect(pages[0]).toContain('Radweg an der Kölner Straße – Ausführungsbeschluss');
			expect(pages[0]).toContain('Der Ordnungs- und Verkehrsausschuss beschließt.');
			expect(pages.at(-1)).toContain(`Seite ${targetPages} von ${targetPages}`);
		}
	});

	it('prints text outside WinAnsi instead of failing', async () => {
		const bytes = await generatePdf(spec({ title: 'Strada Mărăști → Straße ≥ 5\u00a0m 日' }));
		const { pages } = await extractPdfPages(bytes);
		expect(pages[0]).toContain('Strada Marasti -> Straße >= 5 m ?');
	});

	it('rejects a page count that is not a positive integer', async () => {
		await expect(generatePdf(spec({ targetPages: 0 }))).rejects.toThrow(/targetPages/);
	});
});

describe('sanitiseForWinAnsi', () => {
	it('keeps umlauts and ß, replaces arrows and strips accents it cannot print', () => {
		const charset = new Set(
			[...'abcdefghijklmnopqrstuvwxyzäöüß ->'].map((c) => c.codePointAt(0) as number)
		);
		expect(sanitiseForWinAnsi('straße → ă', charset)).toBe('straße -> a');
		expect(sanitiseForWinAnsi('日', charset)).toBe('?');
	});
});
