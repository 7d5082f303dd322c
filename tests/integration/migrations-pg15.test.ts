// Hosted Supabase runs PostgreSQL 15; the embedded stack runs 18. This proves the platform bootstrap
// and every migration apply on 15 too (Debian package `postgresql-15`), into the same tables and
// policies, with RLS on everywhere. The server lives in a temp dir, listens only on a unix socket
// there, and is stopped and removed afterwards whatever happens.
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect, inject, it } from 'vitest';
import {
	applyMigrations,
	bootstrapPlatform,
	listMigrations
} from '../../supabase/local/migrate.ts';
import { freePort } from '../support/free-port.ts';

const BIN = '/usr/lib/postgresql/15/bin';

/** Postgres refuses to run as root: then everything runs as the system user `postgres`. */
function runAs(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
	return { uid: id('-u'), gid: id('-g') };
}

interface Postgres15 {
	client: pg.Client;
	stop(): Promise<void>;
}

async function startPostgres15(): Promise<Postgres15> {
	for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
		if (!existsSync(join(BIN, tool))) {
			throw new Error(
				`${join(BIN, tool)} is missing: install PostgreSQL 15 (Debian package postgresql-15, ` +
					`e.g. apt-get install postgresql-15) to check the migrations against Supabase's version.`
			);
		}
	}
	const dir = mkdtempSync(join(tmpdir(), 'ratsinfo-pg15-'));
	const data = join(dir, 'data');
	const user = runAs();
	if (user) chownSync(dir, user.uid, user.gid);
	const options: ExecFileSyncOptions = {
		...user,
		cwd: dir,
		stdio: 'pipe',
		env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' }
	};
	const pgCtl = (...args: string[]) =>
		execFileSync(join(BIN, 'pg_ctl'), ['-D', data, ...args], options);
	let started = false;
	const stop = () => {
		try {
			if (started) pgCtl('stop', '-m', 'immediate', '-w');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	};
	try {
		execFileSync(
			join(BIN, 'initdb'),
			[
				'-D',
				data,
				'-U',
				'postgres',
				'-A',
				'trust',
				'--encoding=UTF8',
				'--locale=C.UTF-8',
				'--no-sync'
			],
			options
		);
		const port = await freePort();
		const serverOptions = `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off`;
		pgCtl('start', '-w', '-t', '60', '-l', join(dir, 'log'), '-o', serverOptions);
		started = true;
		const client = new pg.Client({ host: dir, port, user: 'postgres', database: 'postgres' });
		await client.connect();
		return {
			client,
			stop: async () => {
				await client.end().catch(() => undefined);
				stop();
			}
		};
	} catch (error) {
		stop();
		const e = error as Error & { stderr?: Buffer };
		throw new Error(`PostgreSQL 15 did not start: ${e.stderr?.toString() || e.message}`);
	}
}

const tablesAndPolicies = `
	select c.relname as table, c.relrowsecurity as rls,
		coalesce(array(select p.polname::text from pg_policy p where p.polrelid = c.oid order by 1), '{}') as policies
	from pg_class c join pg_namespace n on n.oid = c.relnamespace
	where n.nspname = 'public' and c.relkind = 'r' order by 1`;

it('applies the platform bootstrap and every migration on PostgreSQL 15', async () => {
	const server = await startPostgres15();
	try {
		const { client } = server;
		const version = await client.query<{ v: number }>(
			`select current_setting('server_version_num')::int as v`
		);
		expect(Math.floor(version.rows[0].v / 10000), 'major version').toBe(15);

		await bootstrapPlatform(client, 'pg15-test');
		const applied = await applyMigrations(client, () => undefined);
		expect(applied).toEqual(listMigrations().map((m) => m.version));

		const { rows } = await client.query<{ table: string; rls: boolean; policies: string[] }>(
			tablesAndPolicies
		);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.filter((r) => !r.rls).map((r) => r.table)).toEqual([]);

		// Same schema as on the embedded PostgreSQL the other tests use.
		const live = new pg.Client({ connectionString: inject('dbUrl') });
		await live.connect();
		try {
			expect(rows).toEqual((await live.query(tablesAndPolicies)).rows);
		} finally {
			await live.end();
		}
	} finally {
		await server.stop();
	}
});
