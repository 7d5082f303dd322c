// Opening a PDF with pdf.js over HTTP range requests. pdf.js is imported here only, and this
// module is imported dynamically by the reader, so no other page ever loads it.
//
// The bytes come through our own range transport instead of pdf.js's fetch stream: pdf.js only
// trusts a server for ranges when it can read `Accept-Ranges`, which a cross-origin Storage
// response does not expose to scripts. The first request (`bytes=0-…`) tells the file size
// through `Content-Range` (exposed by Storage) and doubles as the first chunk.
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';

// Small chunks: a page of a text document needs a few kilobytes, spread over the file.
export const CHUNK_SIZE = 16 * 1024;

export type PdfProblem = 'missing' | 'corrupt' | 'failed';

export class PdfLoadError extends Error {
	readonly problem: PdfProblem;
	constructor(problem: PdfProblem) {
		super(`PDF ${problem}`);
		this.problem = problem;
	}
}

export type PdfJs = typeof import('pdfjs-dist');

export interface OpenedPdf {
	pdfjs: PdfJs;
	doc: PDFDocumentProxy;
}

async function loadPdfJs(): Promise<PdfJs> {
	const [pdfjs, worker] = await Promise.all([
		import('pdfjs-dist'),
		import('pdfjs-dist/build/pdf.worker.min.mjs?url')
	]);
	// A bundled asset of our own origin: the CSP allows workers from 'self' only, and no CDN.
	pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
	return pdfjs;
}

async function fetchRange(url: string, begin: number, end: number): Promise<Response> {
	const response = await fetch(url, { headers: { range: `bytes=${begin}-${end - 1}` } });
	if (response.status === 400 || response.status === 403 || response.status === 404) {
		throw new PdfLoadError('missing');
	}
	if (!response.ok) throw new PdfLoadError('failed');
	return response;
}

function totalSize(response: Response): number | null {
	const match = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
	return match ? Number(match[1]) : null;
}

export async function openPdf(url: string): Promise<OpenedPdf> {
	const [pdfjs, first] = await Promise.all([
		loadPdfJs(),
		fetchRange(url, 0, CHUNK_SIZE).catch((error: unknown) => {
			throw error instanceof PdfLoadError ? error : new PdfLoadError('failed');
		})
	]);
	const firstBytes = new Uint8Array(await first.arrayBuffer());
	const length = first.status === 206 ? totalSize(first) : null;
	const common = {
		// No eval under our CSP; pdf.js would only try and fall back.
		isEvalSupported: false,
		rangeChunkSize: CHUNK_SIZE,
		// Fetch only what the shown pages need, never the rest of the file in the background.
		disableAutoFetch: true,
		disableStream: true
	};
	let failure: PdfLoadError | null = null;
	let task: PDFDocumentLoadingTask | undefined;
	if (length === null) {
		// The server ignored the range and sent the whole file.
		task = pdfjs.getDocument({ ...common, data: firstBytes });
	} else {
		class RangeTransport extends pdfjs.PDFDataRangeTransport {
			requestDataRange(begin: number, end: number) {
				fetchRange(url, begin, end)
					.then((response) => response.arrayBuffer())
					.then((bytes) => this.onDataRange(begin, new Uint8Array(bytes)))
					.catch((error: unknown) => {
						failure = error instanceof PdfLoadError ? error : new PdfLoadError('failed');
						void task?.destroy();
					});
			}
		}
		task = pdfjs.getDocument({ ...common, range: new RangeTransport(length, firstBytes) });
	}
	try {
		return { pdfjs, doc: await task.promise };
	} catch (error) {
		if (failure) throw failure;
		const name = (error as { name?: string }).name;
		throw new PdfLoadError(
			name === 'InvalidPDFException' || name === 'FormatError' ? 'corrupt' : 'failed'
		);
	}
}
