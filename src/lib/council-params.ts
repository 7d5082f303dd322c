// Query parameters of the council pages, validated at the boundary: a malformed value is a 400 with
// a message saying what to fix, never a silent default and never a database error.
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { defaultLocale, type Locale } from '$lib/i18n';
import messages from '$lib/i18n/council';
import { localized } from '$lib/i18n/valibot';

type QueryTexts = (typeof messages)['de']['query'];
const say = (pick: (t: QueryTexts) => string) => localized(messages, (t) => pick(t.query));

const page = v.pipe(
	v.string(),
	v.regex(
		/^[1-9]\d{0,3}$/,
		say((t) => t.page)
	),
	v.transform(Number)
);

const id = (name: string) => v.pipe(v.string(), v.uuid(say((t) => t.bodyId(name))));

/** yyyy-mm between 1990 and 2099. */
const month = v.pipe(
	v.string(),
	v.regex(
		/^(19[9]\d|20\d\d)-(0[1-9]|1[0-2])$/,
		say((t) => t.month)
	)
);

export const meetingsQuery = v.object({
	zeit: v.optional(
		v.picklist(
			['kommende', 'vergangene'],
			say((t) => t.when)
		),
		'kommende'
	),
	ansicht: v.optional(
		v.picklist(
			['liste', 'kalender'],
			say((t) => t.view)
		),
		'liste'
	),
	monat: v.optional(month),
	gremium: v.optional(id('gremium')),
	seite: v.optional(page, '1')
});
export type MeetingsQuery = v.InferOutput<typeof meetingsQuery>;

export const papersQuery = v.object({
	typ: v.optional(
		v.pipe(
			v.string(),
			v.maxLength(
				100,
				say((t) => t.typeTooLong)
			)
		)
	),
	seite: v.optional(page, '1')
});
export type PapersQuery = v.InferOutput<typeof papersQuery>;

export const personsQuery = v.object({
	fraktion: v.optional(id('fraktion'))
});
export type PersonsQuery = v.InferOutput<typeof personsQuery>;

/**
 * The known parameters of `params` (first value each; empty values count as absent, as an
 * "all" option of a filter form sends them), parsed with `schema`; messages in `locale`.
 */
type QuerySchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

export function parseQuery<S extends QuerySchema>(
	schema: S,
	params: URLSearchParams,
	locale: Locale = defaultLocale
): { ok: true; value: v.InferOutput<S> } | { ok: false; message: string } {
	const input: Record<string, string> = {};
	for (const key of Object.keys(schema.entries)) {
		const value = params.get(key);
		if (value) input[key] = value;
	}
	const result = v.safeParse(schema, input, { lang: locale });
	if (result.success) return { ok: true, value: result.output };
	return { ok: false, message: result.issues.map((i) => i.message).join(' ') };
}

/** parseQuery for a load function: a malformed query ends in the 400 error page. */
export function queryOrError<S extends QuerySchema>(
	schema: S,
	params: URLSearchParams,
	locale: Locale
): v.InferOutput<S> {
	const result = parseQuery(schema, params, locale);
	if (!result.ok) error(400, result.message);
	return result.value;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => uuidPattern.test(value);
