// Bad input to the local stack: one clear line naming cause and fix, and nothing half-applied.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { stackConfig } from '../../supabase/local/config.ts';
import { applyMigrations } from '../../supabase/local/migrate.ts';
import { startPostgres } from '../../supabase/local/postgres.ts';
import { startStack } from '../../supabase/local/stack.ts';

const pool = new pg.Pool({ connectionString: inject('dbUrl'), max: 1 });
afterAll(() => pool.end());

describe('stack start-up errors', () => {
	it('names a taken port and the variable that moves it, starting nothing', async () => {
		const blocker = createServer().listen(0, '127.0.0.1');
		await new Promise((r) => blocker.once('listening', r));
		const port = (blocker.address() as AddressInfo).port;
		const previous = process.env.SUPABASE_API_PORT;
		process.env.SUPABASE_API_PORT = String(port);
		try {
			await expect(startStack({ log: () => undefined })).rejects.toThrow(
				`Port ${port} (Supabase API gateway) is already in use. Stop the other process or set SUPABASE_API_PORT.`
			);
		} finally {
			if (previous === undefined) delete process.env.SUPABASE_API_PORT;
			else process.env.SUPABASE_API_PORT = previous;
			blocker.close();
		}
	});

	it('names a data directory that cannot be written', async () => {
		// Root may write anywhere, so block the directory with a file where it should be.
		const blocker = join(mkdtempSync(join(tmpdir(), 'stack-')), 'file');
		writeFileSync(blocker, '');
		const dataDir = join(blocker, 'data');
		const config = { ...stackConfig(), dataDir, pgDir: join(dataDir, 'pg') };
		await expect(startPostgres(config, () => undefined)).rejects.toThrow(
			`The data directory ${dataDir} is not writable. Fix its permissions or set STACK_DATA_DIR.`
		);
	});

	it('rolls a failing migration back whole and names the file and line', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
		writeFileSync(
			join(dir, '99990101000000_broken.sql'),
			'create table public.half_applied (id int);\n\nselect * from no_such_table;\n'
		);
		const client = await pool.connect();
		try {
			await expect(applyMigrations(client, () => undefined, dir)).rejects.toThrow(
				/^Migration 99990101000000_broken\.sql failed \(line 3\): relation "no_such_table" does not exist\. Nothing of it was applied/
			);
			const table = await client.query(`select to_regclass('public.half_applied') as t`);
			expect(table.rows[0].t).toBeNull();
			const recorded = await client.query(
				`select 1 from supabase_migrations.schema_migrations where version = '99990101000000'`
			);
			expect(recorded.rowCount).toBe(0);
		} finally {
			client.release();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
