// Building and serving the SvelteKit app (adapter-node) for `npm start` and the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './config.ts';
import { StackError } from './postgres.ts';

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const stamp = join(root, 'build', '.stamp');
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

export function buildIsStale(): boolean {
	const newest = Math.max(...sources.map((s) => newestMtime(join(root, s))));
	return !existsSync(stamp) || statSync(stamp).mtimeMs < newest;
}

export function exited(child: ChildProcess, what: string): Promise<void> {
	return new Promise((resolve, reject) =>
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new StackError(`${what} failed (exit code ${code}).`))
		)
	);
}

export async function buildApp(log: (line: string) => void, track?: (child: ChildProcess) => void) {
	if (!buildIsStale()) return;
	log('building the app (vite build) …');
	// Always a production build: Vite keeps a NODE_ENV it finds (vitest sets `test`), and with it
	// Svelte's development runtime, a third more JavaScript and slower pages than users get.
	const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: root,
		env: { ...process.env, NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	track?.(child);
	await exited(child, 'vite build');
	writeFileSync(stamp, new Date().toISOString());
}

export interface AppEnv {
	supabaseUrl: string;
	anonKey: string;
	serviceRoleKey: string;
	port: number;
}

/** Starts `node build` and resolves once it answers. */
export async function serveApp(
	env: AppEnv,
	stdio: 'inherit' | 'ignore' = 'inherit'
): Promise<ChildProcess> {
	const origin = `http://127.0.0.1:${env.port}`;
	const child = spawn(process.execPath, [join(root, 'build', 'index.js')], {
		cwd: root,
		stdio: ['ignore', stdio, 'inherit'],
		env: {
			...process.env,
			PUBLIC_SUPABASE_URL: env.supabaseUrl,
			PUBLIC_SUPABASE_ANON_KEY: env.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
			PORT: String(env.port),
			HOST: '127.0.0.1',
			ORIGIN: process.env.ORIGIN ?? origin
		}
	});
	let code: number | null = null;
	child.on('exit', (c) => (code = c ?? 1));
	for (let i = 0; i < 150; i++) {
		if (code !== null) throw new StackError(`The app exited at start (code ${code}).`);
		if (
			await fetch(origin).then(
				() => true,
				() => false
			)
		)
			return child;
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGTERM');
	throw new StackError(`The app did not answer on ${origin} within 15 s.`);
}
