import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDayLong, formatTime } from './format';

describe('German date formatting in Europe/Berlin', () => {
	it('shows winter time (UTC+1)', () => {
		expect(formatTime('2026-12-03T16:00:00Z')).toBe('17:00 Uhr');
		expect(formatDayLong('2026-12-03T16:00:00Z')).toBe('Donnerstag, 3. Dezember 2026');
	});
	it('shows summer time (UTC+2) and the day in Berlin, not in UTC', () => {
		expect(formatDateTime('2026-06-30T22:30:00Z')).toBe('Mi., 01.07.2026, 00:30 Uhr');
	});
});
