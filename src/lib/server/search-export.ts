// The RSS feed and the CSV export of a search: plain text from the same hits as the results page,
// labelled in the language of the request (German unless told otherwise).
import { defaultLocale, type Locale } from '$lib/i18n';
import messages from '$lib/i18n/search';
import { hitHref, type SearchHit } from '$lib/search/links';
import { snippetText } from '$lib/search/snippet';

type Texts = (typeof messages)['de'];

/** Characters XML 1.0 does not allow (control characters other than tab and line breaks). */
function xmlAllowed(ch: string): boolean {
	const c = ch.codePointAt(0) ?? 0;
	return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c !== 0xfffe && c !== 0xffff);
}

function xml(text: string): string {
	return [...text]
		.filter(xmlAllowed)
		.join('')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

const kindLabel = (t: Texts, kind: string) => t.kinds[kind] ?? kind;

function hitTitle(hit: SearchHit, t: Texts): string {
	const page = hit.kind === 'file' ? t.pageOf(hit.pageNumber) : '';
	const ref = hit.reference ? ` (${[hit.reference, page].filter(Boolean).join(', ')})` : '';
	const where = ref || (page ? ` (${page})` : '');
	return `${kindLabel(t, hit.kind)}: ${hit.title}${where}`;
}

export function rssFeed(opts: {
	hits: SearchHit[];
	origin: string;
	q: string;
	title: string;
	description: string;
	pageUrl: string;
	feedUrl: string;
	locale?: Locale;
}): string {
	const locale = opts.locale ?? defaultLocale;
	const t = messages[locale];
	const items = opts.hits.map((hit) => {
		const link = opts.origin + hitHref(hit, opts.q);
		const date = hit.date ? new Date(`${hit.date}T12:00:00Z`).toUTCString() : null;
		return [
			'<item>',
			`<title>${xml(hitTitle(hit, t))}</title>`,
			`<link>${xml(link)}</link>`,
			`<guid isPermaLink="true">${xml(link)}</guid>`,
			date ? `<pubDate>${date}</pubDate>` : '',
			`<description>${xml(snippetText(hit.snippet))}</description>`,
			'</item>'
		].join('');
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
		'<channel>',
		`<title>${xml(opts.title)}</title>`,
		`<link>${xml(opts.pageUrl)}</link>`,
		`<description>${xml(opts.description)}</description>`,
		`<language>${locale}</language>`,
		`<atom:link href="${xml(opts.feedUrl)}" rel="self" type="application/rss+xml"/>`,
		...items,
		'</channel>',
		'</rss>',
		''
	].join('\n');
}

function csvField(value: string | number | null): string {
	const text = value === null ? '' : String(value);
	// A leading = + - @ would make spreadsheets run the cell as a formula.
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The first line of the CSV export: a BOM and the column names. Semicolon-separated with a BOM, as
 * German spreadsheet programs expect.
 */
export function csvHead(locale: Locale = defaultLocale): string {
	return '\uFEFF' + messages[locale].csvColumns.map(csvField).join(';') + '\r\n';
}

/** CSV lines for hits, each ending in CRLF. */
export function csvLines(
	hits: SearchHit[],
	origin: string,
	q: string,
	locale: Locale = defaultLocale
): string {
	const t = messages[locale];
	return hits
		.map(
			(hit) =>
				[
					kindLabel(t, hit.kind),
					hit.title,
					hit.reference,
					hit.kind === 'file' ? hit.pageNumber : null,
					hit.date,
					hit.paperType,
					hit.result,
					hit.isPublic ? t.yes : t.no,
					origin + hitHref(hit, q),
					snippetText(hit.snippet).replace(/\s+/g, ' ')
				]
					.map(csvField)
					.join(';') + '\r\n'
		)
		.join('');
}
