// Text extraction from PDFs, one string per page: the unit of full-text search (file_pages) and of
// deep links into the reader. Runs pdf.js in Node on the main thread ("fake worker"): extraction
// is short, CPU-bound work, and a real worker thread per document would cost more than it saves.
// @ts-expect-error -- pdfjs-dist ships no type declarations for its worker module
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js looks for the worker module here before trying to import it from a path relative to its
// own file, which breaks once the server is bundled.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;

export interface PdfPages {
	pageCount: number;
	/** Text of page n at index n - 1, whitespace normalised, lines separated by "\n". */
	pages: string[];
}

interface TextPart {
	str?: string;
	hasEOL?: boolean;
}

/** Turns pdf.js text items into lines: a line break where pdf.js reports one, spaces collapsed. */
export function joinTextItems(items: readonly TextPart[]): string {
	let raw = '';
	for (const item of items) {
		if (typeof item.str !== 'string') continue; // marked-content markers carry no text
		raw += item.str;
		if (item.hasEOL) raw += '\n';
	}
	return normaliseText(raw);
}

export function normaliseText(raw: string): string {
	return (
		raw
			.normalize('NFC')
			// NUL and other control characters cannot be stored in a Postgres text column.
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad]/g, '')
			.replace(/\r\n?/g, '\n')
			.replace(/[^\S\n]+/g, ' ')
			.split('\n')
			.map((line) => line.trim())
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim()
	);
}

export async function extractPdfPages(data: Uint8Array): Promise<PdfPages> {
	// pdf.js transfers (detaches) the buffer it is given; work on a copy so callers keep theirs.
	// pdf.js 6 never evaluates code from the document (no isEvalSupported switch any more); fonts
	// are neither loaded nor substituted, text extraction needs only their encodings and widths.
	const loadingTask = getDocument({
		data: new Uint8Array(data),
		disableFontFace: true,
		useSystemFonts: false,
		stopAtErrors: true,
		verbosity: VerbosityLevel.ERRORS
	});
	try {
		let doc;
		try {
			doc = await loadingTask.promise;
		} catch (error) {
			throw new Error(`Die PDF-Datei ist beschädigt oder kein PDF: ${messageOf(error)}`, {
				cause: error
			});
		}
		const pages: string[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			pages.push(joinTextItems(content.items as TextPart[]));
			page.cleanup();
		}
		return { pageCount: doc.numPages, pages };
	} finally {
		await loadingTask.destroy();
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
