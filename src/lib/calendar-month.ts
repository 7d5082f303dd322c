// The month grid of the meeting calendar: weeks from Monday to Sunday, days as local dates of the
// city (a meeting at 23:30 UTC belongs to the next day in Rheinstadt).

export interface CalendarDay {
	/** yyyy-mm-dd */
	date: string;
	day: number;
	inMonth: boolean;
}

const berlinDay = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Berlin',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The local date (yyyy-mm-dd) in Rheinstadt of an instant. */
export const localDate = (iso: string) => berlinDay.format(new Date(iso));

/** The current month in Rheinstadt as yyyy-mm. */
export const currentMonth = (now = new Date()) => localDate(now.toISOString()).slice(0, 7);

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) =>
	`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Weeks (Monday first) covering the month `yyyy-mm`, padded with days of the neighbours. */
export function monthGrid(month: string): CalendarDay[][] {
	const [year, m] = month.split('-').map(Number);
	const first = new Date(Date.UTC(year, m - 1, 1));
	const offset = (first.getUTCDay() + 6) % 7;
	const cursor = new Date(Date.UTC(year, m - 1, 1 - offset));
	const weeks: CalendarDay[][] = [];
	do {
		const week: CalendarDay[] = [];
		for (let i = 0; i < 7; i++) {
			week.push({
				date: isoDay(cursor),
				day: cursor.getUTCDate(),
				inMonth: cursor.getUTCMonth() === m - 1
			});
			cursor.setUTCDate(cursor.getUTCDate() + 1);
		}
		weeks.push(week);
	} while (cursor.getUTCMonth() === m - 1);
	return weeks;
}

/** The month before and after `yyyy-mm`. */
export function neighbourMonths(month: string): { previous: string; next: string } {
	const [year, m] = month.split('-').map(Number);
	const at = (delta: number) => {
		const d = new Date(Date.UTC(year, m - 1 + delta, 1));
		return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
	};
	return { previous: at(-1), next: at(1) };
}

/** UTC bounds generous enough to hold every local day of the month (filter with localDate). */
export function monthRange(month: string): { from: string; to: string } {
	const [year, m] = month.split('-').map(Number);
	return {
		from: new Date(Date.UTC(year, m - 1, 1) - 86_400_000).toISOString(),
		to: new Date(Date.UTC(year, m, 1) + 86_400_000).toISOString()
	};
}
