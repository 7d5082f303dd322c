import { describe, expect, it } from 'vitest';
import { generatePdf } from '../../../supabase/seed/pdf.ts';
import { extractPdfPages, joinTextItems, normaliseText } from './pdf-text';

describe('extractPdfPages', () => {
	it('returns one text per page, umlauts and ß intact', async () => {
		const bytes = await generatePdf({
			documentType: 'Beschlussvorlage',
			reference: '01234/2026',
			title: 'Bebauungsplan Nr. 5712/034 – Kölner Straße, Übergänge für den Radverkehr',
			date: '2026-03-01',
			sections: [{ heading: 'Sachverhalt', paragraphs: ['Größere Bäume säumen die Straße.'] }],
			targetPages: 3
		});
		const { pageCount, pages } = await extractPdfPages(bytes);
		expect(pageCount).toBe(3);
		expect(pages).toHaveLength(3);
		expect(pages[0]).toContain('Bebauungsplan Nr. 5712/034 – Kölner Straße, Übergänge');
		expect(pages[0]).toContain('Größere Bäume säumen die Straße.');
		expect(pages[0]).toContain('Datum: 01.03.2026');
		pages.forEach((text, i) => expect(text).toContain(`Seite ${i + 1} von 3`));
		// The caller's buffer is not detached by pdf.js.
		expect(bytes.byteLength).toBeGreaterThan(0);
	});

	it('rejects what is not a PDF with a clear German message', async () => {
		await expect(extractPdfPages(new TextEncoder().encode('kein PDF'))).rejects.toThrow(
			/Die PDF-Datei ist beschädigt oder kein PDF/
		);
	});

	it('rejects a truncated PDF', async () => {
		const bytes = await generatePdf({
			documentType: 'Antrag',
			reference: '00001/2026',
			title: 'Abgeschnitten',
			sections: [{ paragraphs: ['Text'] }]
		});
		await expect(extractPdfPages(bytes.slice(0, 200))).rejects.toThrow(/beschädigt/);
	});
});

describe('text normalisation', () => {
	it('joins items into lines and collapses spaces', () => {
		expect(
			joinTextItems([
				{ str: 'Rat  der', hasEOL: false },
				{ str: ' Stadt', hasEOL: true },
				{},
				{ str: '  Rheinstadt ', hasEOL: false }
			])
		).toBe('Rat der Stadt\nRheinstadt');
	});

	it('drops control characters and soft hyphens, composes umlauts (NFC)', () => {
		expect(normaliseText('Stra\u00adße\u0000 u\u0308ber\r\n\n\n\nEnde')).toBe(
			'Straße über\n\nEnde'
		);
	});
});
