// Where the embedded stack keeps its data, which ports it uses, and the .env it writes on first start.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface StackConfig {
	dataDir: string;
	pgDir: string;
	storageDir: string;
	host: string;
	apiPort: number;
	dbPort: number;
	postgrestPort: number;
	appPort: number;
	dbPassword: string;
}

function port(name: string, fallback: number): number {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > 65535) {
		throw new Error(`${name}=${value} is not a port number (1–65535).`);
	}
	return n;
}

export function stackConfig(): StackConfig {
	const dataDir = resolve(process.env.STACK_DATA_DIR ?? join(root, '.data'));
	return {
		dataDir,
		pgDir: join(dataDir, 'pg'),
		storageDir: join(dataDir, 'storage'),
		host: '127.0.0.1',
		// The Supabase CLI's ports: API 54321, database 54322.
		apiPort: port('SUPABASE_API_PORT', 54321),
		dbPort: port('SUPABASE_DB_PORT', 54322),
		postgrestPort: port('POSTGREST_PORT', 54323),
		appPort: port('PORT', 3000),
		dbPassword: 'postgres'
	};
}

export function dbUrl(
	config: StackConfig,
	user = 'postgres',
	password = config.dbPassword
): string {
	return `postgresql://${user}:${encodeURIComponent(password)}@${config.host}:${config.dbPort}/postgres`;
}

export const envPath = join(root, '.env');

export function readEnvFile(path = envPath): Record<string, string> {
	if (!existsSync(path)) return {};
	const env: Record<string, string> = {};
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
		if (match) env[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
	}
	return env;
}

/** The local JWT secret and the database password for `authenticator`, created once per checkout. */
export function localSecrets(): { jwtSecret: string; authenticatorPassword: string } {
	const env = readEnvFile();
	if (env.LOCAL_JWT_SECRET && env.LOCAL_AUTHENTICATOR_PASSWORD) {
		return {
			jwtSecret: env.LOCAL_JWT_SECRET,
			authenticatorPassword: env.LOCAL_AUTHENTICATOR_PASSWORD
		};
	}
	return {
		jwtSecret: randomBytes(32).toString('hex'),
		authenticatorPassword: randomBytes(16).toString('hex')
	};
}

export function writeEnvFile(values: Record<string, string>, path = envPath): void {
	const merged = { ...readEnvFile(path), ...values };
	const header = '# Written by the embedded stack (npm start). Local secrets only: never commit.\n';
	const body = Object.entries(merged)
		.map(([k, v]) => `${k}=${v}`)
		.join('\n');
	writeFileSync(path, header + body + '\n', { mode: 0o600 });
}
