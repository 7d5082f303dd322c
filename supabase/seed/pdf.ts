// Deterministic council documents as real PDFs: A4, the city's letterhead, word-wrapped German text
// and "Seite n von N" on every page. The same input always gives the same bytes (fixed dates,
// producer and document ID), so checksums in the demo data are stable from run to run.
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export interface PdfSection {
	heading?: string;
	paragraphs: string[];
}

export interface PdfDocumentSpec {
	/** Letterhead, e.g. "Stadt Rheinstadt". */
	city?: string;
	/** Who issues the document, under the city name: "Der Oberbürgermeister", a faction, a body. */
	issuer?: string;
	/** Kind of document: Beschlussvorlage, Antrag, Einladung, Niederschrift, … */
	documentType: string;
	/** Drucksachennummer or other reference shown in the header of every page. */
	reference: string;
	title: string;
	/** ISO date (yyyy-mm-dd): shown on the first page and used as the PDF's creation date. */
	date?: string;
	/** Label/value lines under the title (Federführung, Beratungsfolge, …). */
	meta?: [label: string, value: string][];
	sections: PdfSection[];
	/**
	 * Exact number of pages: short content is continued with numbered explanatory paragraphs
	 * (from `fillerParagraphs`, cycled), long content is cut off at the last page.
	 */
	targetPages?: number;
	fillerParagraphs?: string[];
}

export const PDF_PRODUCER = 'Ratsinformationssystem Rheinstadt (Demodaten)';

const A4: [number, number] = [595.28, 841.89];
const MARGIN_LEFT = 70;
const MARGIN_RIGHT = 60;
const CONTENT_TOP = 760;
const CONTENT_BOTTOM = 70;
const TEXT_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT;
const GREY = rgb(0.35, 0.35, 0.35);
const FALLBACK_DATE = '2026-01-01';

const DEFAULT_FILLER = [
	'Die nachfolgenden Erläuterungen ergänzen die Darstellung des Sachverhalts. Sie geben den Stand der Planung zum Zeitpunkt der Erstellung dieser Unterlage wieder und werden im weiteren Verfahren fortgeschrieben.',
	'Die Verwaltung hat die beteiligten Fachämter, die Bezirksvertretungen und die Träger öffentlicher Belange frühzeitig eingebunden. Die eingegangenen Stellungnahmen wurden geprüft und, soweit möglich, berücksichtigt.',
	'Die Kosten wurden auf Grundlage aktueller Kennwerte ermittelt. Preissteigerungen im Bausektor sind mit einem Risikozuschlag berücksichtigt; die Finanzierung ist im Haushaltsplan abgebildet.',
	'Auswirkungen auf den Klimaschutz, die Klimaanpassung und die Barrierefreiheit wurden geprüft. Wesentliche nachteilige Auswirkungen sind nach derzeitigem Kenntnisstand nicht zu erwarten.'
];

// Characters outside WinAnsi (what the standard Helvetica can encode) and what to print instead.
const REPLACEMENTS: Record<string, string> = {
	'\u00a0': ' ',
	'\u2002': ' ',
	'\u2003': ' ',
	'\u2009': ' ',
	'\u202f': ' ',
	'\u200b': '',
	'\u00ad': '',
	'\t': ' ',
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2212': '-',
	'\u2192': '->',
	'\u2190': '<-',
	'\u2264': '<=',
	'\u2265': '>=',
	'\u2248': '~',
	'\u2116': 'Nr.',
	'\u2032': "'",
	'\u2033': '"',
	'\u1e9e': 'SS',
	'\u00b2': '²',
	'\u00b3': '³'
};

interface Fonts {
	regular: PDFFont;
	bold: PDFFont;
	charset: Set<number>;
}

interface Line {
	text: string;
	bold: boolean;
	size: number;
	/** Extra space above this line, in points. */
	gapBefore: number;
	/** Start a new page if fewer than this many lines fit after this one (headings). */
	keepWithNext: number;
	indent: number;
}

const widthCache = new Map<string, number>();

function textWidth(font: PDFFont, bold: boolean, size: number, text: string): number {
	const key = `${bold ? 'b' : 'r'}${size}|${text}`;
	let width = widthCache.get(key);
	if (width === undefined) {
		width = font.widthOfTextAtSize(text, size);
		if (widthCache.size > 200_000) widthCache.clear();
		widthCache.set(key, width);
	}
	return width;
}

/** Replaces what WinAnsi cannot encode, so drawing never throws on user-supplied text. */
export function sanitiseForWinAnsi(text: string, charset: ReadonlySet<number>): string {
	let out = '';
	for (const char of text.normalize('NFC')) {
		const code = char.codePointAt(0) as number;
		if (char === '\n' || charset.has(code)) out += char;
		else if (char in REPLACEMENTS) out += REPLACEMENTS[char];
		else if (code < 32) out += ' ';
		else {
			// Drop accents we cannot print (ă → a), otherwise a visible placeholder.
			const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
			out +=
				base !== char && [...base].every((c) => charset.has(c.codePointAt(0) as number))
					? base
					: '?';
		}
	}
	return out;
}

function wrap(fonts: Fonts, text: string, bold: boolean, size: number, width: number): string[] {
	const font = bold ? fonts.bold : fonts.regular;
	const space = textWidth(font, bold, size, ' ');
	const lines: string[] = [];
	for (const rawLine of text.split('\n')) {
		const words = rawLine.split(' ').filter((w) => w !== '');
		let line = '';
		let lineWidth = 0;
		for (let word of words) {
			let w = textWidth(font, bold, size, word);
			// A single word wider than the line (long URLs, file names) is broken by characters.
			while (w > width) {
				let cut = word.length - 1;
				while (cut > 1 && textWidth(font, bold, size, word.slice(0, cut)) > width) cut--;
				if (line) lines.push(line);
				lines.push(word.slice(0, cut));
				line = '';
				lineWidth = 0;
				word = word.slice(cut);
				w = textWidth(font, bold, size, word);
			}
			if (line && lineWidth + space + w > width) {
				lines.push(line);
				line = word;
				lineWidth = w;
			} else {
				line = line ? `${line} ${word}` : word;
				lineWidth = line === word ? w : lineWidth + space + w;
			}
		}
		if (line) lines.push(line);
	}
	return lines;
}

function* paragraphLines(
	fonts: Fonts,
	text: string,
	opts: {
		bold?: boolean;
		size?: number;
		gapBefore?: number;
		keepWithNext?: number;
		indent?: number;
	}
): Generator<Line> {
	const bold = opts.bold ?? false;
	const size = opts.size ?? 10;
	const indent = opts.indent ?? 0;
	const wrapped = wrap(
		fonts,
		sanitiseForWinAnsi(text, fonts.charset),
		bold,
		size,
		TEXT_WIDTH - indent
	);
	for (let i = 0; i < wrapped.length; i++) {
		yield {
			text: wrapped[i],
			bold,
			size,
			indent,
			gapBefore: i === 0 ? (opts.gapBefore ?? 0) : 0,
			keepWithNext: opts.keepWithNext ?? 0
		};
	}
}

function* contentLines(fonts: Fonts, spec: PdfDocumentSpec): Generator<Line> {
	yield* paragraphLines(fonts, spec.documentType, { bold: true, size: 15 });
	yield* paragraphLines(fonts, spec.title, { bold: true, size: 12, gapBefore: 8 });
	const meta: [string, string][] = [...(spec.meta ?? [])];
	if (spec.date) meta.unshift(['Datum', formatDate(spec.date)]);
	let first = true;
	for (const [label, value] of meta) {
		yield* paragraphLines(fonts, `${label}: ${value}`, { size: 9, gapBefore: first ? 10 : 0 });
		first = false;
	}
	for (const section of spec.sections) {
		if (section.heading) {
			yield* paragraphLines(fonts, section.heading, {
				bold: true,
				size: 11,
				gapBefore: 14,
				keepWithNext: 3
			});
		}
		for (let i = 0; i < section.paragraphs.length; i++) {
			yield* paragraphLines(fonts, section.paragraphs[i], {
				gapBefore: i === 0 && section.heading ? 4 : 7
			});
		}
	}
}

function* fillerLines(fonts: Fonts, spec: PdfDocumentSpec): Generator<Line> {
	const pool = spec.fillerParagraphs?.length ? spec.fillerParagraphs : DEFAULT_FILLER;
	yield* paragraphLines(fonts, 'Anlage: Erläuterungen', { bold: true, size: 11, gapBefore: 14 });
	for (let n = 0; ; n++) {
		if (n % 4 === 0) {
			yield* paragraphLines(fonts, `A.${n / 4 + 1} Erläuterung zu ${spec.reference}`, {
				bold: true,
				size: 10,
				gapBefore: 12,
				keepWithNext: 3
			});
		}
		yield* paragraphLines(fonts, `(${n + 1}) ${pool[n % pool.length]}`, { gapBefore: 6 });
	}
}

const lineHeight = (line: Line) => line.size * 1.4;

/** Lays out lines into pages: each page is the list of lines with their baseline y. */
function paginate(fonts: Fonts, spec: PdfDocumentSpec): { line: Line; y: number }[][] {
	const target = spec.targetPages;
	if (target !== undefined && (!Number.isInteger(target) || target < 1)) {
		throw new Error(`targetPages must be a positive integer, got ${target}`);
	}
	const pages: { line: Line; y: number }[][] = [[]];
	let y = CONTENT_TOP;
	let fillerStarted = false;
	const source = contentLines(fonts, spec);
	let filler: Generator<Line> | undefined;
	const next = (): Line | undefined => {
		const r = source.next();
		if (!r.done) return r.value;
		if (target === undefined || pages.length > target) return undefined;
		if (!filler) filler = fillerLines(fonts, spec);
		fillerStarted = true;
		return filler.next().value as Line;
	};
	for (let line = next(); line; line = next()) {
		// Filler stops once the last page is reasonably filled and a paragraph has ended.
		if (
			fillerStarted &&
			target !== undefined &&
			pages.length === target &&
			y < CONTENT_TOP - (CONTENT_TOP - CONTENT_BOTTOM) * 0.4 &&
			line.gapBefore > 0
		) {
			break;
		}
		const atTop = pages[pages.length - 1].length === 0;
		const gap = atTop ? 0 : line.gapBefore;
		let needed = gap + lineHeight(line);
		if (line.keepWithNext) needed += line.keepWithNext * 14;
		if (y - needed < CONTENT_BOTTOM && !atTop) {
			if (target !== undefined && pages.length === target) break;
			pages.push([]);
			y = CONTENT_TOP;
		} else {
			y -= gap;
		}
		y -= lineHeight(line);
		pages[pages.length - 1].push({ line, y });
	}
	// A heading must not end the document without the text it introduces.
	const last = pages[pages.length - 1];
	while (last.length > 1 && last[last.length - 1].line.keepWithNext > 0) last.pop();
	return pages;
}

function drawHeader(page: PDFPage, fonts: Fonts, spec: PdfDocumentSpec): void {
	const city = sanitiseForWinAnsi(spec.city ?? 'Stadt Rheinstadt', fonts.charset);
	page.drawText(city, { x: MARGIN_LEFT, y: 800, size: 12, font: fonts.bold });
	if (spec.issuer) {
		const issuer = sanitiseForWinAnsi(spec.issuer, fonts.charset);
		page.drawText(issuer, { x: MARGIN_LEFT, y: 786, size: 9, font: fonts.regular, color: GREY });
	}
	const ref = sanitiseForWinAnsi(`${spec.documentType} ${spec.reference}`, fonts.charset);
	const refWidth = textWidth(fonts.regular, false, 9, ref);
	page.drawText(ref, {
		x: A4[0] - MARGIN_RIGHT - refWidth,
		y: 800,
		size: 9,
		font: fonts.regular,
		color: GREY
	});
	page.drawLine({
		start: { x: MARGIN_LEFT, y: 778 },
		end: { x: A4[0] - MARGIN_RIGHT, y: 778 },
		thickness: 0.5,
		color: GREY
	});
}

function drawFooter(page: PDFPage, fonts: Fonts, n: number, total: number): void {
	const text = `Seite ${n} von ${total}`;
	const width = textWidth(fonts.regular, false, 9, text);
	page.drawText(text, {
		x: A4[0] - MARGIN_RIGHT - width,
		y: 40,
		size: 9,
		font: fonts.regular,
		color: GREY
	});
}

function formatDate(iso: string): string {
	const [y, m, d] = iso.slice(0, 10).split('-');
	return `${d}.${m}.${y}`;
}

function pdfDate(iso: string | undefined): Date {
	const day = /^\d{4}-\d{2}-\d{2}/.test(iso ?? '') ? (iso as string).slice(0, 10) : FALLBACK_DATE;
	return new Date(`${day}T09:00:00Z`);
}

export async function generatePdf(spec: PdfDocumentSpec): Promise<Uint8Array> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	const regular = await doc.embedFont(StandardFonts.Helvetica);
	const bold = await doc.embedFont(StandardFonts.HelveticaBold);
	const fonts: Fonts = { regular, bold, charset: new Set(regular.getCharacterSet()) };

	const layout = paginate(fonts, spec);
	for (let i = 0; i < layout.length; i++) {
		const page = doc.addPage(A4);
		drawHeader(page, fonts, spec);
		for (const { line, y } of layout[i]) {
			page.drawText(line.text, {
				x: MARGIN_LEFT + line.indent,
				y,
				size: line.size,
				font: line.bold ? fonts.bold : fonts.regular
			});
		}
		drawFooter(page, fonts, i + 1, layout.length);
	}

	const date = pdfDate(spec.date);
	doc.setTitle(sanitiseForWinAnsi(spec.title, fonts.charset));
	doc.setSubject(sanitiseForWinAnsi(`${spec.documentType} ${spec.reference}`, fonts.charset));
	doc.setAuthor(sanitiseForWinAnsi(spec.city ?? 'Stadt Rheinstadt', fonts.charset));
	doc.setLanguage('de-DE');
	doc.setProducer(PDF_PRODUCER);
	doc.setCreator(PDF_PRODUCER);
	doc.setCreationDate(date);
	doc.setModificationDate(date);
	// The file identifier normally comes from a clock and random bytes; derive it from the content.
	const id = createHash('sha256')
		.update(JSON.stringify([spec.reference, spec.documentType, spec.title, spec.date ?? '']))
		.digest('hex')
		.slice(0, 32);
	doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
	return doc.save({ useObjectStreams: true });
}
