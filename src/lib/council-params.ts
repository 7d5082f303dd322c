// Query parameters of the council pages, validated at the boundary: a malformed value is a 400 with
// a message saying what to fix, never a silent default and never a database error.
import { error } from '@sveltejs/kit';
import * as v from 'valibot';

const page = v.pipe(
	v.string(),
	v.regex(/^[1-9]\d{0,3}$/, 'Die Seitenzahl („seite“) muss eine ganze Zahl von 1 bis 9999 sein.'),
	v.transform(Number)
);

const id = (name: string) =>
	v.pipe(v.string(), v.uuid(`„${name}“ muss die Kennung (UUID) eines Gremiums sein.`));

/** yyyy-mm between 1990 and 2099. */
const month = v.pipe(
	v.string(),
	v.regex(
		/^(19[9]\d|20\d\d)-(0[1-9]|1[0-2])$/,
		'Der Monat („monat“) muss die Form JJJJ-MM haben, z. B. 2026-12.'
	)
);

export const meetingsQuery = v.object({
	zeit: v.optional(
		v.picklist(['kommende', 'vergangene'], '„zeit“ kann „kommende“ oder „vergangene“ sein.'),
		'kommende'
	),
	ansicht: v.optional(
		v.picklist(['liste', 'kalender'], '„ansicht“ kann „liste“ oder „kalender“ sein.'),
		'liste'
	),
	monat: v.optional(month),
	gremium: v.optional(id('gremium')),
	seite: v.optional(page, '1')
});
export type MeetingsQuery = v.InferOutput<typeof meetingsQuery>;

export const papersQuery = v.object({
	typ: v.optional(v.pipe(v.string(), v.maxLength(100, 'Die Vorlagenart („typ“) ist zu lang.'))),
	seite: v.optional(page, '1')
});
export type PapersQuery = v.InferOutput<typeof papersQuery>;

export const personsQuery = v.object({
	fraktion: v.optional(id('fraktion'))
});
export type PersonsQuery = v.InferOutput<typeof personsQuery>;

/**
 * The known parameters of `params` (first value each; empty values count as absent, as an
 * "all" option of a filter form sends them), parsed with `schema`.
 */
type QuerySchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

export function parseQuery<S extends QuerySchema>(
	schema: S,
	params: URLSearchParams
): { ok: true; value: v.InferOutput<S> } | { ok: false; message: string } {
	const input: Record<string, string> = {};
	for (const key of Object.keys(schema.entries)) {
		const value = params.get(key);
		if (value) input[key] = value;
	}
	const result = v.safeParse(schema, input);
	if (result.success) return { ok: true, value: result.output };
	return { ok: false, message: result.issues.map((i) => i.message).join(' ') };
}

/** parseQuery for a load function: a malformed query ends in the 400 error page. */
export function queryOrError<S extends QuerySchema>(
	schema: S,
	params: URLSearchParams
): v.InferOutput<S> {
	const result = parseQuery(schema, params);
	if (!result.ok) error(400, result.message);
	return result.value;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => uuidPattern.test(value);
