// Applies the platform bootstrap and then every pending file of supabase/migrations, each in its own
// transaction, recording versions where the Supabase CLI records them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { root } from './config.ts';
import { StackError } from './postgres.ts';

export const migrationsDir = join(root, 'supabase', 'migrations');
const platformSql = join(root, 'supabase', 'local', 'platform.sql');

export function listMigrations(
	dir = migrationsDir
): { version: string; name: string; path: string }[] {
	return readdirSync(dir)
		.filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
		.sort()
		.map((f) => ({ version: f.slice(0, 14), name: f.slice(15, -4), path: join(dir, f) }));
}

function lineOf(sql: string, position: string | undefined): string {
	if (!position) return '';
	return ` (line ${sql.slice(0, Number(position)).split('\n').length})`;
}

export async function bootstrapPlatform(client: pg.ClientBase, authenticatorPassword: string) {
	await client.query(readFileSync(platformSql, 'utf8'));
	await client.query(
		`alter role authenticator with login password '${authenticatorPassword.replace(/'/g, "''")}'`
	);
}

/** Returns the versions it applied. A failing migration is rolled back whole and named. */
export async function applyMigrations(
	client: pg.ClientBase,
	log: (line: string) => void,
	dir = migrationsDir
) {
	const { rows } = await client.query<{ version: string }>(
		'select version from supabase_migrations.schema_migrations'
	);
	const done = new Set(rows.map((r) => r.version));
	const applied: string[] = [];
	for (const m of listMigrations(dir)) {
		if (done.has(m.version)) continue;
		const sql = readFileSync(m.path, 'utf8');
		try {
			await client.query('begin');
			await client.query(sql);
			await client.query(
				'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
				[m.version, m.name, [sql]]
			);
			await client.query('commit');
		} catch (error) {
			await client.query('rollback');
			const e = error as { message: string; position?: string };
			throw new StackError(
				`Migration ${m.version}_${m.name}.sql failed${lineOf(sql, e.position)}: ${e.message}. Nothing of it was applied; fix the file and start again.`
			);
		}
		applied.push(m.version);
		log(`migration ${m.version}_${m.name} applied`);
	}
	if (applied.length) await client.query(`notify pgrst, 'reload schema'`);
	return applied;
}
