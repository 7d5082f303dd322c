// The embedded Supabase-compatible stack: PostgreSQL → platform bootstrap → migrations →
// PostgREST → gateway (/rest/v1, /auth/v1, /storage/v1) → seed when empty. One function starts it,
// the returned handle stops all of it.
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { dbUrl, localSecrets, stackConfig, writeEnvFile, type StackConfig } from './config.ts';
import { startGateway } from './gateway.ts';
import { makeApiKeys } from './jwt.ts';
import { applyMigrations, bootstrapPlatform } from './migrate.ts';
import { assertPortFree, startPostgres } from './postgres.ts';
import { startPostgrest } from './postgrest.ts';

export interface Stack {
	config: StackConfig;
	supabaseUrl: string;
	anonKey: string;
	serviceRoleKey: string;
	dbUrl: string;
	seeded: boolean;
	stop(): Promise<void>;
}

export interface StackOptions {
	log?: (line: string) => void;
	seed?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const log = options.log ?? ((line: string) => console.log(line));
	const config = stackConfig();
	const { jwtSecret, authenticatorPassword } = localSecrets();
	const { anonKey, serviceRoleKey } = await makeApiKeys(jwtSecret);
	const supabaseUrl = `http://${config.host}:${config.apiPort}`;

	// Check every port first, so a clash costs nothing and leaves nothing running.
	await assertPortFree(config.apiPort, config.host, 'Supabase API gateway', 'SUPABASE_API_PORT');
	await assertPortFree(config.postgrestPort, config.host, 'PostgREST', 'POSTGREST_PORT');

	const stops: (() => Promise<void>)[] = [];
	const stop = async () => {
		for (const s of stops.reverse()) await s().catch(() => undefined);
		stops.length = 0;
	};
	try {
		const started = Date.now();
		const postgres = await startPostgres(config, log);
		stops.push(() => postgres.stop());

		const pool = new pg.Pool({ connectionString: dbUrl(config), max: 10 });
		pool.on('error', () => undefined);
		stops.push(() => pool.end());
		const client = await pool.connect();
		try {
			await bootstrapPlatform(client, authenticatorPassword);
			await applyMigrations(client, log);
		} finally {
			client.release();
		}

		const postgrest = await startPostgrest({
			host: config.host,
			port: config.postgrestPort,
			dbUri: dbUrl(config, 'authenticator', authenticatorPassword),
			jwtSecret,
			log
		});
		stops.push(() => postgrest.stop());

		mkdirSync(config.storageDir, { recursive: true });
		const gateway = await startGateway({
			host: config.host,
			port: config.apiPort,
			postgrestUrl: postgrest.url,
			db: pool,
			jwtSecret,
			storageRoot: config.storageDir,
			siteUrl: `http://${config.host}:${config.appPort}`,
			log
		});
		stops.push(() => gateway.close());

		writeEnvFile({
			PUBLIC_SUPABASE_URL: supabaseUrl,
			PUBLIC_SUPABASE_ANON_KEY: anonKey,
			SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
			LOCAL_JWT_SECRET: jwtSecret,
			LOCAL_AUTHENTICATOR_PASSWORD: authenticatorPassword
		});

		let seeded = false;
		const { rows } = await pool.query<{ n: number }>(
			'select count(*)::int as n from public.bodies'
		);
		if (rows[0].n === 0 && (options.seed ?? process.env.STACK_SEED !== 'off')) {
			const { seed } = await import('../seed/index.ts');
			const t = Date.now();
			log('seeding demo data …');
			await seed({ supabaseUrl, serviceRoleKey, log });
			log(`demo data seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
			seeded = true;
		}
		log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${supabaseUrl}`);
		return { config, supabaseUrl, anonKey, serviceRoleKey, dbUrl: dbUrl(config), seeded, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
