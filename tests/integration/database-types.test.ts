// The committed Database types must be what the migrated schema generates: a migration without
// `npm run db:types` leaves supabase-js queries typed against a schema that no longer exists.
import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import { generateDatabaseTypes, typesPath } from '../../supabase/local/typegen.ts';

it('src/lib/database.types.ts matches the live schema', async () => {
	const generated = await generateDatabaseTypes(inject('dbUrl'));
	const committed = readFileSync(typesPath, 'utf8');
	expect(
		committed,
		'src/lib/database.types.ts is out of date: run `npm run db:types` and commit the result'
	).toBe(generated);
});
