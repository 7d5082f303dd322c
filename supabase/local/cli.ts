// `npm start`, `npm run dev`, `npm run stack`, `npm run db:reset`, `npm run db:types`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dbUrl, readEnvFile, root, stackConfig } from './config.ts';
import { StackError } from './postgres.ts';
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

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
	const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

function waitFor(child: ChildProcess, what: string): Promise<void> {
	return new Promise((resolve, reject) =>
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new StackError(`${what} failed (exit code ${code}).`))
		)
	);
}

async function buildIfStale() {
	const stamp = join(root, 'build', '.stamp');
	const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
	const newest = Math.max(...sources.map((s) => newestMtime(join(root, s))));
	if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return;
	log('building the app (vite build) …');
	await waitFor(
		run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build']),
		'vite build'
	);
	writeFileSync(stamp, new Date().toISOString());
}

function appEnv(): NodeJS.ProcessEnv {
	const file = readEnvFile();
	const port = String(stackConfig().appPort);
	return {
		...file,
		...process.env,
		PORT: port,
		HOST: '127.0.0.1',
		ORIGIN: process.env.ORIGIN ?? `http://127.0.0.1:${port}`
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
			await ensureStack();
			await buildIfStale();
			const app = run(process.execPath, [join(root, 'build', 'index.js')], appEnv());
			app.on('exit', (code) => void shutdown(code ?? 1));
			log(`App: http://127.0.0.1:${stackConfig().appPort}  (Ctrl-C stops everything)`);
			log(`Mail outbox: ${stack?.supabaseUrl ?? ''}/_outbox`);
			return;
		}
		case 'dev': {
			await ensureStack();
			const vite = run(
				process.execPath,
				[join(root, 'node_modules/vite/bin/vite.js'), 'dev'],
				appEnv()
			);
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
		case 'reset': {
			const config = stackConfig();
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
			console.error('usage: node supabase/local/cli.ts start|dev|stack|reset|types');
			process.exit(2);
	}
}

main(process.argv[2]).catch(async (error: unknown) => {
	console.error(error instanceof StackError ? `✖ ${error.message}` : error);
	await shutdown(1);
});
