// `npm start`, `npm run dev`, `npm run stack`, `npm run db:reset`, `npm run db:types`.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, serveApp } from './app.ts';
import { dbUrl, readEnvFile, root, stackConfig } from './config.ts';
import { assertPortFree, StackError } from './postgres.ts';
import { startStack, type Stack } from './stack.ts';

const log = (line: string) => console.log(line);
const children = new Set<ChildProcess>();
let stack: Stack | undefined;
let stopping = false;

async function shutdown(code: number) {
	if (stopping) return;
	stopping = true;
	for (const child of children) child.kill('SIGTERM');
	await stack?.stop();
	process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('exit', () => {
	for (const child of children) child.kill('SIGKILL');
});

function remoteSupabaseUrl(): string | undefined {
	const url = process.env.PUBLIC_SUPABASE_URL ?? readEnvFile().PUBLIC_SUPABASE_URL;
	if (!url) return undefined;
	const { hostname } = new URL(url);
	return hostname === '127.0.0.1' || hostname === 'localhost' ? undefined : url;
}

function track(child: ChildProcess) {
	children.add(child);
	child.on('exit', () => children.delete(child));
}

function keys() {
	const env = { ...readEnvFile(), ...process.env };
	return {
		supabaseUrl: env.PUBLIC_SUPABASE_URL ?? '',
		anonKey: env.PUBLIC_SUPABASE_ANON_KEY ?? '',
		serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY ?? ''
	};
}

function appEnvFromKeys() {
	const k = keys();
	return {
		PUBLIC_SUPABASE_URL: k.supabaseUrl,
		PUBLIC_SUPABASE_ANON_KEY: k.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: k.serviceRoleKey
	};
}

async function ensureStack() {
	const remote = remoteSupabaseUrl();
	if (remote) {
		log(`PUBLIC_SUPABASE_URL points to ${remote}: no local stack is started.`);
		return;
	}
	stack = await startStack({ log });
}

async function main(command: string | undefined) {
	switch (command) {
		case 'start': {
			const { appPort, host } = stackConfig();
			await assertPortFree(appPort, host, 'app', 'PORT');
			await ensureStack();
			await buildApp(log, track);
			const app = await serveApp({ ...keys(), port: stackConfig().appPort });
			track(app);
			app.on('exit', (code) => void shutdown(code ?? 1));
			log(`App: http://127.0.0.1:${stackConfig().appPort}  (Ctrl-C stops everything)`);
			log(`Mail outbox: ${stack?.supabaseUrl ?? ''}/_outbox`);
			return;
		}
		case 'dev': {
			await ensureStack();
			const vite = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'dev'], {
				cwd: root,
				stdio: 'inherit',
				env: { ...process.env, ...appEnvFromKeys() }
			});
			track(vite);
			vite.on('exit', (code) => void shutdown(code ?? 1));
			return;
		}
		case 'stack': {
			stack = await startStack({ log });
			log(`anon key:         ${stack.anonKey}`);
			log(`service role key: ${stack.serviceRoleKey}`);
			log(`database:         ${stack.dbUrl}`);
			return;
		}
		case 'migrate': {
			// Applies new migrations to a running stack's database; PostgREST reloads its schema.
			const { default: pg } = await import('pg');
			const { applyMigrations } = await import('./migrate.ts');
			const client = new pg.Client({ connectionString: dbUrl(stackConfig()) });
			await client.connect().catch(() => {
				throw new StackError('No stack is running: start one with `npm run stack`.');
			});
			try {
				const applied = await applyMigrations(client, log);
				if (!applied.length) log('no pending migrations');
			} finally {
				await client.end();
			}
			process.exit(0);
			return;
		}
		case 'seed': {
			// Seeds a running stack whose database is still empty (e.g. started with STACK_SEED=off).
			const { seed } = await import('../seed/index.ts');
			const k = keys();
			await seed({ supabaseUrl: k.supabaseUrl, serviceRoleKey: k.serviceRoleKey, log });
			process.exit(0);
			return;
		}
		case 'reset': {
			const config = stackConfig();
			// Never pull the data directory from under a running server.
			await assertPortFree(config.dbPort, config.host, 'PostgreSQL', 'SUPABASE_DB_PORT');
			await assertPortFree(
				config.apiPort,
				config.host,
				'Supabase API gateway',
				'SUPABASE_API_PORT'
			);
			rmSync(config.dataDir, { recursive: true, force: true });
			log(`removed ${config.dataDir}`);
			stack = await startStack({ log });
			await shutdown(0);
			return;
		}
		case 'types': {
			const { writeDatabaseTypes } = await import('./typegen.ts');
			// Use a running stack's database when there is one, else start one just for this.
			const running = dbUrl(stackConfig());
			const reachable = await writeDatabaseTypes(running).then(
				(path) => (log(`wrote ${path}`), true),
				() => false
			);
			if (!reachable) {
				stack = await startStack({ log, seed: false });
				log(`wrote ${await writeDatabaseTypes(stack.dbUrl)}`);
			}
			await shutdown(0);
			return;
		}
		default:
			console.error('usage: node supabase/local/cli.ts start|dev|stack|migrate|seed|reset|types');
			process.exit(2);
	}
}

main(process.argv[2]).catch(async (error: unknown) => {
	console.error(error instanceof StackError ? `✖ ${error.message}` : error);
	await shutdown(1);
});
