// The language of a feed link as URL parameter. Apart from src/lib/feed-locale.ts because pages
// use it in the browser too, where valibot and the feed messages would only add weight.
import { defaultLocale, type Locale } from '$lib/i18n';

/** `href` with the locale as `lang` parameter, unless it is the default language. */
export function withLang(href: string, locale: Locale): string {
	if (locale === defaultLocale) return href;
	return `${href}${href.includes('?') ? '&' : '?'}lang=${locale}`;
}
