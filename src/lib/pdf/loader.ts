// Opening a PDF with pdf.js over HTTP range requests. pdf.js is loaded here only, and only by the
// reader page, so no other page ever loads it.
//
// What takes longest before the first page is the pdf.js worker (1 MB of JavaScript to compile),
// so the reader page's head carries boot.js inline, which starts the worker and the first two
// range requests while the browser still reads the HTML; openPdf() takes them over. pdf.js itself
// is its own file rather than a chunk of the app, so that the page's head can preload it by URL:
// as a chunk it was only requested once the app had hydrated, some 500 ms in. The service worker
// precaches it with the app shell.
//
// The bytes come through our own range transport instead of pdf.js's fetch stream: pdf.js only
// trusts a server for ranges when it can read `Accept-Ranges`, which a cross-origin Storage
// response does not expose to scripts. The first request (`bytes=0-…`) tells the file size
// through `Content-Range` (exposed by Storage) and doubles as the first chunk; the second one
// fetches the file's tail (see fetchTail).
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import moduleUrl from 'pdfjs-dist/build/pdf.min.mjs?url';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import bootSource from './boot.js?raw';

/** Same-origin assets: the CSP allows scripts and workers from 'self' only, and no CDN. */
export const PDF_WORKER_URL = workerUrl;
export const PDF_MODULE_URL = moduleUrl;
/**
 * boot.js as an inline script for the reader page's head, with its settings as data attributes.
 * Inline, it runs as soon as the parser reaches it instead of queueing behind the app's scripts
 * for a connection (about 200 ms); svelte.config.js allows exactly this content by its hash.
 */
export function pdfBootScript(settings: Record<string, string | number>): string {
	const attribute = (value: string | number) =>
		String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
	const data = Object.entries(settings)
		.map(([key, value]) => ` data-${key}="${attribute(value)}"`)
		.join('');
	return `<script${data}>${bootSource}</script>`;
}

// Small chunks: a page of a text document needs a few kilobytes, spread over the file.
export const CHUNK_SIZE = 16 * 1024;
/** How much of the file's end is fetched right away (see fetchTail). */
export const TAIL_SIZE = 128 * 1024;

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

/** What boot.js started for a document, until openPdf() takes it over. */
interface Boot {
	url: string;
	worker?: Worker;
	head?: Promise<Response>;
	tail?: Promise<Response>;
}
const BOOT_KEY = '__ratsinfoPdf';

/** Takes what boot.js started for this URL, once; later calls (and boot.js) find it taken. */
function takeBoot(url: string): Boot {
	const boot: Boot | undefined = Reflect.get(globalThis, BOOT_KEY);
	Reflect.set(globalThis, BOOT_KEY, { url });
	return boot?.url === url ? boot : { url };
}

let pdfjsLoading: Promise<PdfJs> | null = null;

/** pdf.js with one worker for the page's life, shared by every document it opens. */
function loadPdfJs(started?: Worker): Promise<PdfJs> {
	if (pdfjsLoading) {
		started?.terminate();
		return pdfjsLoading;
	}
	// Compiling the worker takes a while: start it now (if boot.js has not), in parallel with pdf.js.
	const worker = started ?? new Worker(PDF_WORKER_URL, { type: 'module' });
	pdfjsLoading = (import(/* @vite-ignore */ PDF_MODULE_URL) as Promise<PdfJs>).then(
		(pdfjs) => {
			pdfjs.GlobalWorkerOptions.workerPort = worker;
			return pdfjs;
		},
		(error: unknown) => {
			worker.terminate();
			pdfjsLoading = null;
			throw error;
		}
	);
	return pdfjsLoading;
}

function checked(response: Response): Response {
	if (response.status === 400 || response.status === 403 || response.status === 404) {
		throw new PdfLoadError('missing');
	}
	if (!response.ok) throw new PdfLoadError('failed');
	return response;
}

async function fetchRange(url: string, begin: number, end: number): Promise<Response> {
	return checked(await fetch(url, { headers: { range: `bytes=${begin}-${end - 1}` } }));
}

function totalSize(response: Response): number | null {
	const match = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
	return match ? Number(match[1]) : null;
}

/** Bytes of the file from `begin` on, held in memory. */
interface Piece {
	begin: number;
	bytes: Uint8Array;
	/** The whole file's size. */
	total: number;
}

/**
 * The last bytes of the file, or null when the server cannot send them. A PDF ends with the trailer
 * and cross-reference data that pdf.js reads first, and writers (pdf-lib among them) put the page
 * tree and shared objects just before it; fetched together with the head while pdf.js is still
 * starting, they spare pdf.js several round trips one after the other.
 */
async function fetchTail(
	url: string,
	size: number | null,
	started?: Promise<Response>
): Promise<Piece | null> {
	try {
		const range = tailRange(size);
		const response = await (started ?? fetch(url, { headers: { range } }));
		const match = /^bytes (\d+)-\d+\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
		if (response.status !== 206 || !match) return null;
		const bytes = new Uint8Array(await response.arrayBuffer());
		return { begin: Number(match[1]), bytes, total: Number(match[2]) };
	} catch {
		return null; // pdf.js asks for these bytes itself then
	}
}

/**
 * The Range header for the tail: explicit offsets when the size is known (from the database),
 * because a suffix range (`bytes=-N`) is no CORS-safelisted header and costs a preflight request.
 */
export function tailRange(size: number | null): string {
	return size && size > 0
		? `bytes=${Math.max(0, size - TAIL_SIZE)}-${size - 1}`
		: `bytes=-${TAIL_SIZE}`;
}

/** Opens the PDF at `url`; `size` is the file size the database knows, if any. */
export async function openPdf(url: string, size: number | null = null): Promise<OpenedPdf> {
	const boot = takeBoot(url);
	const [pdfjs, first, tail] = await Promise.all([
		loadPdfJs(boot.worker),
		(boot.head ? boot.head.then(checked) : fetchRange(url, 0, CHUNK_SIZE)).catch(
			(error: unknown) => {
				throw error instanceof PdfLoadError ? error : new PdfLoadError('failed');
			}
		),
		fetchTail(url, size, boot.tail)
	]);
	const firstBytes = new Uint8Array(await first.arrayBuffer());
	const length = first.status === 206 ? totalSize(first) : null;
	const common = {
		// No eval under our CSP; pdf.js would only try and fall back.
		isEvalSupported: false,
		// Fonts a PDF uses without embedding them (Helvetica and the other standard fonts) are drawn
		// with the browser's own sans-serif or serif font, with pdf.js's metrics for the positions.
		// With system fonts on, pdf.js first loads a FontFace per font from local() sources, which
		// cost about 100 ms before the first page and looked the same. pdf.js would warn about the
		// missing font data every time; errors still show.
		useSystemFonts: false,
		verbosity: 0,
		rangeChunkSize: CHUNK_SIZE,
		// Fetch only what the shown pages need, never the rest of the file in the background.
		disableAutoFetch: true,
		disableStream: true
	};
	let failure: PdfLoadError | null = null;
	let task: PDFDocumentLoadingTask | undefined;
	const whole = tail?.begin === 0 && tail.bytes.length === tail.total ? tail.bytes : null;
	if (length === null || whole) {
		// The server ignored the range and sent the whole file, or the file is no bigger than its tail.
		task = pdfjs.getDocument({ ...common, data: whole ?? firstBytes });
	} else {
		class RangeTransport extends pdfjs.PDFDataRangeTransport {
			requestDataRange(begin: number, end: number) {
				if (tail && begin >= tail.begin && end <= tail.begin + tail.bytes.length) {
					// A copy: pdf.js hands the buffer over to its worker.
					const bytes = tail.bytes.slice(begin - tail.begin, end - tail.begin);
					queueMicrotask(() => this.onDataRange(begin, bytes));
					return;
				}
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
