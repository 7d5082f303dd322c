// One seed document from spec to what the database stores: the PDF bytes, their SHA-512, and the
// text of every page as the real extraction (src/lib/server/pdf-text.ts) reads it back.
import { createHash } from 'node:crypto';
import { extractPdfPages } from '../../src/lib/server/pdf-text.ts';
import { generatePdf, type PdfDocumentSpec } from './pdf.ts';

export interface RenderedPdf {
	bytes: Uint8Array;
	sha512: string;
	pageCount: number;
	pages: string[];
}

export async function renderPdf(spec: PdfDocumentSpec): Promise<RenderedPdf> {
	const bytes = await generatePdf(spec);
	const sha512 = createHash('sha512').update(bytes).digest('hex');
	const { pageCount, pages } = await extractPdfPages(bytes);
	return { bytes, sha512, pageCount, pages };
}
