// The state of a search, all of it in the URL so that every result list is a permalink. German
// parameter names like the other council pages; validated with valibot at the boundary.
import * as v from 'valibot';
import type { Locale } from '$lib/i18n';
import messages from '$lib/i18n/search';
import { localized } from '$lib/i18n/valibot';

/** Document kinds as the URL names them, and as search.documents stores them. */
export const kindParam = {
	sitzung: 'meeting',
	top: 'agenda_item',
	vorlage: 'paper',
	dokument: 'file',
	person: 'person',
	gremium: 'organization'
} as const;
export type KindParam = keyof typeof kindParam;
export type DocumentKind = (typeof kindParam)[KindParam];
export const kindParams = Object.keys(kindParam) as KindParam[];

export function kindParamOf(kind: string): KindParam | undefined {
	return kindParams.find((k) => kindParam[k] === kind);
}

export const sorts = ['relevanz', 'neueste', 'aelteste'] as const;
export type Sort = (typeof sorts)[number];
export const sqlSort: Record<Sort, string> = {
	relevanz: 'relevance',
	neueste: 'newest',
	aelteste: 'oldest'
};

/** Queries are accepted up to this length; the database uses the first 500 characters. */
export const maxQueryLength = 2000;
export const usedQueryLength = 500;
export const pageSize = 20;

type QueryTexts = (typeof messages)['de']['query'];
/** A message in the language the parse is asked for (`lang` of `v.safeParse`). */
const say = (pick: (t: QueryTexts) => string) => localized(messages, (t) => pick(t.query));

const isoDate = (name: string) =>
	v.pipe(
		v.string(),
		v.regex(
			/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
			say((t) => t.date(name))
		)
	);

const label = (name: string) =>
	v.pipe(
		v.string(),
		v.maxLength(
			100,
			say((t) => t.labelTooLong(name, 100))
		)
	);

export const searchQuery = v.pipe(
	v.object({
		q: v.optional(
			v.pipe(
				v.string(),
				v.maxLength(
					maxQueryLength,
					say((t) => t.queryTooLong(maxQueryLength))
				),
				v.trim()
			),
			''
		),
		typ: v.optional(
			v.picklist(
				kindParams,
				say((t) => t.kind(kindParams))
			)
		),
		gremium: v.optional(v.pipe(v.string(), v.uuid(say((t) => t.bodyId)))),
		von: v.optional(isoDate('von')),
		bis: v.optional(isoDate('bis')),
		vorlagenart: v.optional(label('vorlagenart')),
		ergebnis: v.optional(label('ergebnis')),
		sortierung: v.optional(
			v.picklist(
				sorts,
				say((t) => t.sort(sorts))
			),
			'relevanz'
		),
		seite: v.optional(
			v.pipe(
				v.string(),
				v.regex(
					/^[1-9]\d{0,3}$/,
					say((t) => t.page)
				),
				v.transform(Number)
			),
			'1'
		)
	}),
	v.check(
		(s) => !s.von || !s.bis || s.von <= s.bis,
		say((t) => t.dateOrder)
	)
);
export type SearchQuery = v.InferOutput<typeof searchQuery>;

const keys = [
	'q',
	'typ',
	'gremium',
	'von',
	'bis',
	'vorlagenart',
	'ergebnis',
	'sortierung',
	'seite'
];

/**
 * The search state in `params`; empty values count as absent (a form's "all" option sends them).
 * Messages are in `locale`.
 */
export function parseSearch(
	params: URLSearchParams,
	locale: Locale
): { ok: true; value: SearchQuery } | { ok: false; message: string; q: string } {
	const input: Record<string, string> = {};
	for (const key of keys) {
		const value = params.get(key);
		if (value) input[key] = value;
	}
	const result = v.safeParse(searchQuery, input, { lang: locale });
	if (result.success) return { ok: true, value: result.output };
	return {
		ok: false,
		message: result.issues.map((i) => i.message).join(' '),
		q: (params.get('q') ?? '').slice(0, maxQueryLength)
	};
}

/** The query string of a search state, defaults left out, so equal searches get equal URLs. */
export function searchParams(s: Partial<SearchQuery>): URLSearchParams {
	const out = new URLSearchParams();
	if (s.q) out.set('q', s.q);
	if (s.typ) out.set('typ', s.typ);
	if (s.gremium) out.set('gremium', s.gremium);
	if (s.von) out.set('von', s.von);
	if (s.bis) out.set('bis', s.bis);
	if (s.vorlagenart) out.set('vorlagenart', s.vorlagenart);
	if (s.ergebnis) out.set('ergebnis', s.ergebnis);
	if (s.sortierung && s.sortierung !== 'relevanz') out.set('sortierung', s.sortierung);
	if (s.seite && s.seite > 1) out.set('seite', String(s.seite));
	return out;
}

export function searchHref(s: Partial<SearchQuery>, path = '/search'): string {
	const query = searchParams(s).toString();
	return query ? `${path}?${query}` : path;
}

/** Filters only: what a facet link or a saved search changes, with the page reset to 1. */
export function withFilter(s: SearchQuery, change: Partial<SearchQuery>): string {
	return searchHref({ ...s, ...change, seite: 1 });
}

/**
 * Plain words of a query for highlighting in the PDF reader: without quotes, OR, excluded words
 * ("-wort") and operator characters.
 */
export function highlightTerms(q: string): string {
	return q
		.replace(/(^|\s)-\S+/g, ' ')
		.replace(/["&|!():*<>]/g, ' ')
		.split(/\s+/)
		.filter((w) => w && !/^or$/i.test(w))
		.join(' ')
		.slice(0, 200);
}
