// What the login and account forms accept. Messages follow the language the parse asks for:
// `v.safeParse(schema, input, { lang: locals.locale })`; without `lang` they are German.
import * as v from 'valibot';
import messages from '$lib/i18n/auth';
import { localized } from '$lib/i18n/valibot';

type Texts = (typeof messages)['de']['validation'];
const say = (pick: (t: Texts) => string) => localized(messages, (t) => pick(t.validation));

// A field missing from the request (a hand-made POST) counts as empty, so it gets the same
// message as an empty field rather than valibot's generic one.
const email = v.optional(
	v.pipe(
		v.string(say((t) => t.emailMissing)),
		v.trim(),
		v.nonEmpty(say((t) => t.emailMissing)),
		v.maxLength(
			254,
			say((t) => t.emailTooLong)
		),
		v.email(say((t) => t.emailInvalid))
	),
	''
);

export const passwordLogin = v.object({
	email,
	password: v.optional(
		v.pipe(
			v.string(say((t) => t.passwordMissing)),
			v.nonEmpty(say((t) => t.passwordMissing)),
			v.maxLength(
				200,
				say((t) => t.passwordTooLong)
			)
		),
		''
	)
});

export const magicLinkLogin = v.object({ email });

/** A pseudonym: what others see. An e-mail address would defeat its purpose. */
export const pseudonymForm = v.object({
	display_name: v.optional(
		v.pipe(
			v.string(say((t) => t.pseudonymMissing)),
			v.trim(),
			v.nonEmpty(say((t) => t.pseudonymMissing)),
			v.minLength(
				2,
				say((t) => t.pseudonymTooShort)
			),
			v.maxLength(
				40,
				say((t) => t.pseudonymTooLong)
			),
			v.check(
				(s) => !s.includes('@'),
				say((t) => t.pseudonymEmail)
			),
			v.regex(
				/^[^<>]*$/,
				say((t) => t.pseudonymBrackets)
			)
		),
		''
	)
});

/** The German word stays in English too: it is what the user types, not what they read. */
export const deleteAccountForm = v.object({
	confirm: v.pipe(
		v.optional(v.string(), ''),
		v.check(
			(s) => s === 'LÖSCHEN',
			say((t) => t.confirmDelete)
		)
	)
});

/** Only same-site paths: an open redirect would let a phishing mail reuse our login. */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
		return fallback;
	}
	return target;
}

export function fieldErrors(issues: v.BaseIssue<unknown>[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const key = v.getDotPath(issue) ?? 'form';
		errors[key] ??= issue.message;
	}
	return errors;
}
