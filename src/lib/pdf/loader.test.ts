import { describe, expect, it } from 'vitest';
import { TAIL_SIZE, tailRange } from './loader';

describe('the tail fetched with the head', () => {
	it('names explicit offsets when the size is known, so no CORS preflight is needed', () => {
		expect(tailRange(541730)).toBe(`bytes=${541730 - TAIL_SIZE}-541729`);
		expect(tailRange(17)).toBe('bytes=0-16');
		expect(tailRange(null)).toBe(`bytes=-${TAIL_SIZE}`);
		expect(tailRange(0)).toBe(`bytes=-${TAIL_SIZE}`);
	});
});
