import { describe, expect, it } from 'vitest';
import { currentMonth, localDate, monthGrid, monthRange, neighbourMonths } from './calendar-month';

describe('monthGrid', () => {
	it('covers December 2026 in Monday-first weeks', () => {
		const weeks = monthGrid('2026-12');
		expect(weeks).toHaveLength(5);
		expect(weeks[0][0]).toEqual({ date: '2026-11-30', day: 30, inMonth: false });
		expect(weeks[0][1]).toEqual({ date: '2026-12-01', day: 1, inMonth: true });
		expect(weeks.at(-1)!.at(-1)).toEqual({ date: '2027-01-03', day: 3, inMonth: false });
		expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
	});

	it('needs six weeks when a long month starts on a Sunday', () => {
		expect(monthGrid('2026-03')).toHaveLength(6);
		expect(monthGrid('2027-02')[0][0].date).toBe('2027-02-01');
	});
});

describe('local dates', () => {
	it('puts a late meeting on the next local day', () => {
		expect(localDate('2026-12-03T23:30:00Z')).toBe('2026-12-04');
		expect(localDate('2026-07-03T21:30:00Z')).toBe('2026-07-03');
		expect(currentMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
	});

	it('steps across years and bounds the month', () => {
		expect(neighbourMonths('2027-01')).toEqual({ previous: '2026-12', next: '2027-02' });
		expect(monthRange('2026-12')).toEqual({
			from: '2026-11-30T00:00:00.000Z',
			to: '2027-01-02T00:00:00.000Z'
		});
	});
});
