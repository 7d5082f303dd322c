import { describe, expect, it } from 'vitest';
import { formatBytes } from './size';

describe('file sizes', () => {
	it('uses the largest fitting unit and the locale’s decimal mark', () => {
		expect(formatBytes(17, 'de')).toBe('17 B');
		expect(formatBytes(541_730, 'de')).toBe('529 KB');
		expect(formatBytes(2_516_582, 'de')).toBe('2,4 MB');
		expect(formatBytes(2_516_582, 'en')).toBe('2.4 MB');
	});
});
