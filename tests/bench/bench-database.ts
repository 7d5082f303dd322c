// A throwaway database beside the demo one, for benchmarks: created on the running stack's server,
// bootstrapped and migrated like a Supabase project, served by its own PostgREST on a free port,
// and dropped afterwards whatever happens. BENCH_KEEP=1 keeps it, for looking at plans afterwards;
// BENCH_REUSE=1 then runs on the kept database as it is (only the queries are timed again).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp, serveApp } from '../../supabase/local/app.ts';
import { dbUrl, localSecrets, stackConfig } from '../../supabase/local/config.ts';
import { startGateway, type Gateway } from '../../supabase/local/gateway.ts';
import { makeApiKeys } from '../../supabase/local/jwt.ts';
import { applyMigrations, bootstrapPlatform } from '../../supabase/local/migrate.ts';
import { startPostgrest, type RunningPostgrest } from '../../supabase/local/postgrest.ts';
import { freePort } from '../support/free-port.ts';

export interface BenchDatabase {
	/** A superuser connection to the bench database. */
	db: pg.Client;
	/** True when a kept database is reused as it is (BENCH_REUSE=1): build nothing. */
	reused: boolean;
	/** Starts PostgREST on the bench database; stopped with the database. */
	startApi(): Promise<{ url: string; anonKey: string }>;
	/**
	 * Serves the production build of the app on the bench database, as `npm start` does on the demo
	 * one (a gateway in front of PostgREST, then the app); stopped with the database.
	 */
	startApp(): Promise<{ url: string }>;
}

export const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function withBenchDatabase<T>(
	name: string,
	work: (bench: BenchDatabase) => Promise<T>
): Promise<T> {
	const config = stackConfig();
	const url = (user?: string, password?: string) =>
		dbUrl(config, user, password).replace(/\/postgres$/, `/${name}`);
	const admin = new pg.Client(dbUrl(config));
	await admin.connect().catch(() => {
		throw new Error(
			`No database on ${config.host}:${config.dbPort}: start the stack (npm run stack).`
		);
	});
	const reuse = process.env.BENCH_REUSE === '1';
	if (!reuse) {
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.query(`create database ${name}`);
	}
	const db = new pg.Client(url());
	let api: RunningPostgrest | undefined;
	let pool: pg.Pool | undefined;
	let gateway: Gateway | undefined;
	let app: ChildProcess | undefined;
	const storageRoot = mkdtempSync(join(tmpdir(), `${name}-storage-`));
	const { jwtSecret, authenticatorPassword } = localSecrets();
	const startApi = async () => {
		api ??= await startPostgrest({
			host: '127.0.0.1',
			port: await freePort(),
			dbUri: url('authenticator', authenticatorPassword),
			jwtSecret,
			log: () => undefined
		});
		return { url: api.url, anonKey: (await makeApiKeys(jwtSecret)).anonKey };
	};
	try {
		await db.connect();
		if (!reuse) {
			await bootstrapPlatform(db, authenticatorPassword);
			await applyMigrations(db, () => undefined);
		}
		return await work({
			db,
			reused: reuse,
			startApi,
			startApp: async () => {
				const postgrestUrl = (await startApi()).url;
				pool = new pg.Pool({ connectionString: url(), max: 4 });
				pool.on('error', () => undefined);
				const appPort = await freePort();
				gateway = await startGateway({
					host: '127.0.0.1',
					port: 0,
					postgrestUrl,
					db: pool,
					jwtSecret,
					storageRoot,
					siteUrl: `http://127.0.0.1:${appPort}`
				});
				await buildApp(() => undefined);
				const keys = await makeApiKeys(jwtSecret);
				app = await serveApp(
					{
						supabaseUrl: gateway.url,
						anonKey: keys.anonKey,
						serviceRoleKey: keys.serviceRoleKey,
						port: appPort
					},
					'ignore'
				);
				return { url: `http://127.0.0.1:${appPort}` };
			}
		});
	} finally {
		app?.kill('SIGTERM');
		await gateway?.close();
		await pool?.end();
		rmSync(storageRoot, { recursive: true, force: true });
		await api?.stop();
		await db.end().catch(() => undefined);
		if (process.env.BENCH_KEEP === '1' || reuse) console.log(`kept database ${name}`);
		else await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}
