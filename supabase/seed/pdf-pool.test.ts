import { describe, expect, it } from 'vitest';
import { createPdfPool } from './pdf-pool.ts';
import { renderPdf } from './pdf-render.ts';
import type { PdfDocumentSpec } from './pdf.ts';

const spec = (n: number): PdfDocumentSpec => ({
	documentType: 'Mitteilungsvorlage',
	reference: `0000${n}/2026`,
	title: `Sachstand Radverkehr im Stadtbezirk ${n} – Grünflächen an der Straße`,
	sections: [{ heading: 'Mitteilung', paragraphs: ['Die Bezirksvertretung nimmt Kenntnis.'] }],
	targetPages: n
});

describe('createPdfPool', () => {
	it('renders on worker threads exactly as on the main thread', async () => {
		const pool = createPdfPool(2);
		try {
			const specs = [1, 2, 3, 4, 5].map(spec);
			const onWorkers = await Promise.all(specs.map((s) => pool.render(s)));
			for (const [i, s] of specs.entries()) {
				const here = await renderPdf(s);
				expect(onWorkers[i].sha512).toBe(here.sha512);
				expect(onWorkers[i].pageCount).toBe(i + 1);
				expect(onWorkers[i].pages).toEqual(here.pages);
				expect(onWorkers[i].bytes).toBeInstanceOf(Uint8Array);
			}
		} finally {
			await pool.close();
		}
		// Worker threads start slowly on a busy two-core machine.
	}, 60_000);

	it('reports a spec that cannot be rendered and refuses work once closed', async () => {
		const pool = createPdfPool(1);
		await expect(pool.render({ ...spec(1), targetPages: -1 })).rejects.toThrow(/targetPages/);
		await pool.close();
		await expect(pool.render(spec(1))).rejects.toThrow(/geschlossen/);
	});
});
