// The language of a feed (iCal, RSS). Calendar apps and feed readers send no cookie and often the
// system's Accept-Language, so the page offering the link writes its language into the URL
// (`?lang=en`); without it the feed follows the request like any page. German needs no parameter.
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { locales, type Locale } from '$lib/i18n';
import messages from '$lib/i18n/feeds';

export { withLang } from '$lib/i18n/lang-param';

const lang = v.picklist(locales);

/** `?lang=` if given (else the request's locale); anything but a known locale is a 400. */
export function feedLocale(url: URL, requestLocale: Locale): Locale {
	const value = url.searchParams.get('lang');
	if (!value) return requestLocale;
	const parsed = v.safeParse(lang, value);
	if (!parsed.success) error(400, messages[requestLocale].badLang);
	return parsed.output;
}

/** Headers for a response whose language follows the request: shared caches keep one per language. */
export function languageHeaders(locale: Locale): Record<string, string> {
	return { 'Content-Language': locale, Vary: 'Accept-Language, Cookie' };
}
