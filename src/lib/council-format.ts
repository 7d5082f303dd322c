// Dates in the reader's language, always in the city's time zone.
import type { Locale } from '$lib/i18n';

const zone = 'Europe/Berlin';
const tags: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions) {
	const key = locale + JSON.stringify(options);
	let f = cache.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(tags[locale], { timeZone: zone, ...options });
		cache.set(key, f);
	}
	return f;
}

/** "Donnerstag, 3. Dezember 2026" */
export const longDate = (iso: string, locale: Locale) =>
	formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
		new Date(iso)
	);

/** "03.12.2026" / "03/12/2026"; accepts a plain date (yyyy-mm-dd) too. */
export const shortDate = (isoOrDay: string, locale: Locale) =>
	formatter(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
		new Date(isoOrDay.length === 10 ? `${isoOrDay}T12:00:00Z` : isoOrDay)
	);

/** "17:00 Uhr" / "17:00" */
export const clockTime = (iso: string, locale: Locale) => {
	const t = formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
		new Date(iso)
	);
	return locale === 'de' ? `${t} Uhr` : t;
};

/** "Dezember 2026" for yyyy-mm */
export const monthName = (month: string, locale: Locale) =>
	formatter(locale, { month: 'long', year: 'numeric' }).format(new Date(`${month}-15T12:00:00Z`));
