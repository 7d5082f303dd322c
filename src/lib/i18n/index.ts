// Languages: German first, English second. Each area of the app keeps its texts in its own module
// (`src/lib/i18n/<area>.ts`) as `{ de: {...}, en: {...} }`, typed so that English has every key.
import { getContext, setContext } from 'svelte';

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'de';
export const localeCookie = 'sprache';

export const isLocale = (value: unknown): value is Locale =>
	typeof value === 'string' && (locales as readonly string[]).includes(value);

/** The cookie wins; otherwise the browser's first supported language; otherwise German. */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(cookie)) return cookie;
	for (const part of (acceptLanguage ?? '').split(',')) {
		const tag = part.split(';')[0].trim().slice(0, 2).toLowerCase();
		if (isLocale(tag)) return tag;
	}
	return defaultLocale;
}

/** Declares one area's texts; the English half must have exactly the German keys. */
export function defineMessages<T extends Record<string, unknown>>(messages: { de: T; en: T }) {
	return messages;
}

const key = Symbol('locale');

export function setLocaleContext(get: () => Locale) {
	setContext(key, get);
}

/** The current locale, for components below the root layout. */
export function getLocale(): Locale {
	const get = getContext<(() => Locale) | undefined>(key);
	return get?.() ?? defaultLocale;
}
