// Valibot messages in the language the parse asks for: `v.safeParse(schema, input, { lang })` hands
// `lang` to every issue, so one schema serves German and English forms and query strings.
import { defaultLocale, isLocale } from './index';

/** A message function that picks its text from `messages` in the issue's language. */
export function localized<T>(messages: { de: T; en: T }, pick: (texts: T) => string) {
	return (issue: { lang?: string }) =>
		pick(messages[isLocale(issue.lang) ? issue.lang : defaultLocale]);
}
