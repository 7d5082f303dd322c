// Generates src/lib/database.types.ts from the live schema, in the shape `supabase gen types
// typescript` produces, so that supabase-js queries are typed. Run `npm run db:types` after every
// migration; a test fails when the committed file differs from what this generates.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { root } from './config.ts';

export const typesPath = join(root, 'src', 'lib', 'database.types.ts');

const scalar: Record<string, string> = {
	bool: 'boolean',
	int2: 'number',
	int4: 'number',
	int8: 'number',
	float4: 'number',
	float8: 'number',
	numeric: 'number',
	json: 'Json',
	jsonb: 'Json',
	void: 'undefined',
	record: 'Record<string, unknown>'
};

interface Column {
	table_name: string;
	column_name: string;
	udt_name: string;
	is_nullable: boolean;
	has_default: boolean;
	is_generated: boolean;
}

const quote = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : JSON.stringify(name));

export async function generateDatabaseTypes(connectionString: string): Promise<string> {
	const client = new pg.Client({ connectionString });
	await client.connect();
	try {
		const enums = await client.query<{ name: string; labels: string[] }>(`
			select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
			from pg_type t join pg_enum e on e.enumtypid = t.oid
			join pg_namespace n on n.oid = t.typnamespace
			where n.nspname = 'public' group by t.typname order by t.typname`);
		const enumNames = new Set(enums.rows.map((e) => e.name));
		const tsType = (udt: string): string => {
			if (udt.startsWith('_')) return `${tsType(udt.slice(1))}[]`;
			if (enumNames.has(udt)) return `Database['public']['Enums']['${udt}']`;
			return scalar[udt] ?? 'string';
		};

		const relations = await client.query<{ name: string; kind: string }>(`
			select c.relname as name, c.relkind as kind from pg_class c
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p') order by c.relname`);
		const columns = await client.query<Column>(`
			select c.relname as table_name, a.attname as column_name, t.typname as udt_name,
				not a.attnotnull as is_nullable,
				(a.atthasdef and a.attgenerated = '') or a.attidentity <> '' as has_default,
				a.attgenerated <> '' as is_generated
			from pg_attribute a join pg_class c on c.oid = a.attrelid
			join pg_namespace n on n.oid = c.relnamespace join pg_type t on t.oid = a.atttypid
			where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped
				and c.relkind in ('r', 'v', 'm', 'p')
			order by c.relname, a.attname`);
		const fkeys = await client.query<{
			name: string;
			table_name: string;
			columns: string[];
			ref_table: string;
			ref_columns: string[];
			one_to_one: boolean;
		}>(`
			select con.conname as name, c.relname as table_name,
				array(select attname::text from pg_attribute where attrelid = con.conrelid and attnum = any (con.conkey) order by attnum) as columns,
				rc.relname as ref_table,
				array(select attname::text from pg_attribute where attrelid = con.confrelid and attnum = any (con.confkey) order by attnum) as ref_columns,
				exists (select 1 from pg_constraint u where u.conrelid = con.conrelid and u.contype in ('p', 'u')
					and u.conkey::int[] @> con.conkey::int[] and u.conkey::int[] <@ con.conkey::int[]) as one_to_one
			from pg_constraint con join pg_class c on c.oid = con.conrelid
			join pg_namespace n on n.oid = c.relnamespace join pg_class rc on rc.oid = con.confrelid
			join pg_namespace rn on rn.oid = rc.relnamespace
			where con.contype = 'f' and n.nspname = 'public' and rn.nspname = 'public'
			order by c.relname, con.conname`);
		const functions = await client.query<{
			name: string;
			arg_names: string[] | null;
			arg_types: string[];
			arg_modes: string[] | null;
			arg_defaults: number;
			returns_set: boolean;
			return_type: string;
			return_relation: string | null;
		}>(`
			select p.proname as name, p.proargnames as arg_names,
				array(select t.typname::text from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality as a(oid, i)
					join pg_type t on t.oid = a.oid order by a.i) as arg_types,
				p.proargmodes::text[] as arg_modes, p.pronargdefaults as arg_defaults,
				p.proretset as returns_set, rt.typname as return_type,
				(select c.relname from pg_class c where c.oid = rt.typrelid and c.relkind in ('r', 'v', 'm', 'p')) as return_relation
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type rt on rt.oid = p.prorettype
			where n.nspname = 'public' and rt.typname not in ('trigger', 'event_trigger')
			order by p.proname`);

		const byTable = new Map<string, Column[]>();
		for (const c of columns.rows)
			byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
		const nullable = (c: Column) => (c.is_nullable ? ' | null' : '');
		const block = (lines: string[], indent: string) =>
			lines.length
				? `{\n${lines.map((l) => indent + '\t' + l).join('\n')}\n${indent}}`
				: '{\n' + indent + '\t[_ in never]: never\n' + indent + '}';

		const relationEntry = (name: string, isView: boolean) => {
			const cols = byTable.get(name) ?? [];
			const row = cols.map((c) => `${quote(c.column_name)}: ${tsType(c.udt_name)}${nullable(c)}`);
			const insert = cols.map((c) =>
				c.is_generated
					? `${quote(c.column_name)}?: never`
					: `${quote(c.column_name)}${c.is_nullable || c.has_default || isView ? '?' : ''}: ${tsType(c.udt_name)}${nullable(c)}`
			);
			const update = cols.map((c) =>
				c.is_generated
					? `${quote(c.column_name)}?: never`
					: `${quote(c.column_name)}?: ${tsType(c.udt_name)}${nullable(c)}`
			);
			const rels = fkeys.rows
				.filter((f) => f.table_name === name)
				.map(
					(f) =>
						`{\n\t\t\t\t\t\tforeignKeyName: '${f.name}'\n\t\t\t\t\t\tcolumns: [${f.columns.map((c) => `'${c}'`).join(', ')}]\n\t\t\t\t\t\tisOneToOne: ${f.one_to_one}\n\t\t\t\t\t\treferencedRelation: '${f.ref_table}'\n\t\t\t\t\t\treferencedColumns: [${f.ref_columns.map((c) => `'${c}'`).join(', ')}]\n\t\t\t\t\t}`
				);
			const ind = '\t\t\t\t';
			return `${quote(name)}: {\n${ind}Row: ${block(row, ind)}\n${ind}Insert: ${block(insert, ind)}\n${ind}Update: ${block(update, ind)}\n${ind}Relationships: [${rels.length ? rels.join(', ') : ''}]\n\t\t\t}`;
		};
		const tables = relations.rows
			.filter((r) => r.kind === 'r' || r.kind === 'p')
			.map((r) => relationEntry(r.name, false));
		const views = relations.rows
			.filter((r) => r.kind === 'v' || r.kind === 'm')
			.map((r) => relationEntry(r.name, true));

		const fnEntry = (f: (typeof functions.rows)[number]) => {
			const modes = f.arg_modes ?? f.arg_types.map(() => 'i');
			const names = f.arg_names ?? [];
			const inputs = f.arg_types
				.map((t, i) => ({ t, name: names[i] ?? `arg${i}`, mode: modes[i] }))
				.filter((a) => a.mode === 'i' || a.mode === 'b');
			const outputs = f.arg_types
				.map((t, i) => ({ t, name: names[i] ?? `col${i}`, mode: modes[i] }))
				.filter((a) => a.mode === 't' || a.mode === 'o');
			const args = inputs.map(
				(a, i) =>
					`${quote(a.name)}${i >= inputs.length - f.arg_defaults ? '?' : ''}: ${tsType(a.t)}`
			);
			let returns: string;
			if (outputs.length)
				returns = `{ ${outputs.map((o) => `${quote(o.name)}: ${tsType(o.t)}`).join('; ')} }`;
			else if (f.return_relation)
				returns = `Database['public']['Tables']['${f.return_relation}']['Row']`;
			else returns = tsType(f.return_type);
			if (f.returns_set) returns = `${returns}[]`;
			return `${quote(f.name)}: {\n\t\t\t\tArgs: ${args.length ? `{ ${args.join('; ')} }` : 'never'}\n\t\t\t\tReturns: ${returns}\n\t\t\t}`;
		};

		const enumLines = enums.rows.map(
			(e) => `${quote(e.name)}: ${e.labels.map((l) => `'${l}'`).join(' | ')}`
		);
		const section = (entries: string[]) =>
			entries.length
				? `{\n${entries.map((e) => '\t\t\t' + e).join('\n')}\n\t\t}`
				: '{\n\t\t\t[_ in never]: never\n\t\t}';
		return `// Generated by \`npm run db:types\` from the migrated schema. Do not edit by hand.

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	__InternalSupabase: {
		PostgrestVersion: '12';
	};
	public: {
		Tables: ${section(tables)}
		Views: ${section(views)}
		Functions: ${section(functions.rows.map(fnEntry))}
		Enums: ${section(enumLines)}
		CompositeTypes: {
			[_ in never]: never;
		};
	};
};

type PublicSchema = Database['public'];
export type Tables<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Row'];
export type TablesInsert<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Insert'];
export type TablesUpdate<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Update'];
export type Enums<T extends keyof PublicSchema['Enums']> = PublicSchema['Enums'][T];
`;
	} finally {
		await client.end();
	}
}

export async function writeDatabaseTypes(
	connectionString: string,
	path = typesPath
): Promise<string> {
	writeFileSync(path, await generateDatabaseTypes(connectionString));
	return path;
}
