// Plain calendar arithmetic on ISO dates (yyyy-mm-dd) and local Rheinstadt times, independent of the
// machine's time zone so the demo data is the same everywhere.

const DAY_MS = 86_400_000;

export function toDay(iso: string): number {
	return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

export function fromDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	return fromDay(toDay(iso) + days);
}

export function daysBetween(from: string, to: string): number {
	return toDay(to) - toDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
	return new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay();
}

/** The first date on or after `iso` that falls on `day` (0 = Sunday). */
export function nextWeekday(iso: string, day: number): string {
	return addDays(iso, (day - weekday(iso) + 7) % 7);
}

/** March and October both have 31 days, which is all this is used for. */
function lastSundayOf(year: number, month: 3 | 10): number {
	const last = toDay(`${year}-${String(month).padStart(2, '0')}-31`);
	return last - new Date(last * DAY_MS).getUTCDay();
}

/** Germany's UTC offset on a date: summer time from the last Sunday in March to that in October. */
export function berlinOffset(iso: string): '+01:00' | '+02:00' {
	const year = Number(iso.slice(0, 4));
	const day = toDay(iso);
	return day >= lastSundayOf(year, 3) && day < lastSundayOf(year, 10) ? '+02:00' : '+01:00';
}

/** A timestamp at local Rheinstadt time, e.g. `2026-12-03T14:00:00+01:00`. */
export function localTime(iso: string, time: string): string {
	return `${iso.slice(0, 10)}T${time}:00${berlinOffset(iso)}`;
}

/** Minutes added to a local timestamp made by `localTime` (stays on the same offset). */
export function addMinutes(timestamp: string, minutes: number): string {
	const date = timestamp.slice(0, 10);
	const [h, m] = timestamp.slice(11, 16).split(':').map(Number);
	const total = h * 60 + m + minutes;
	const day = addDays(date, Math.floor(total / 1440));
	const rest = ((total % 1440) + 1440) % 1440;
	const hh = String(Math.floor(rest / 60)).padStart(2, '0');
	const mm = String(rest % 60).padStart(2, '0');
	return localTime(day, `${hh}:${mm}`);
}

/** "03.12.2026" */
export function germanDate(iso: string): string {
	const [y, m, d] = iso.slice(0, 10).split('-');
	return `${d}.${m}.${y}`;
}
