// supabase-js clients for integration tests, signed in the way a user would be.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../../src/lib/database.types.ts';

export type Client = SupabaseClient<Database>;

const options = { auth: { persistSession: false, autoRefreshToken: false } };

export function anonClient(): Client {
	return createClient<Database>(inject('supabaseUrl'), inject('anonKey'), options);
}

export function serviceClient(): Client {
	return createClient<Database>(inject('supabaseUrl'), inject('serviceRoleKey'), options);
}

export async function signedInClient(email: string, password: string): Promise<Client> {
	const client = anonClient();
	const { error } = await client.auth.signInWithPassword({ email, password });
	if (error) throw new Error(`sign-in of ${email} failed: ${error.message}`);
	return client;
}

/** A superuser connection for fixtures that no API role may create. */
export function superuser(): pg.Pool {
	return new pg.Pool({ connectionString: inject('dbUrl'), max: 2 });
}
