import type { SupabaseClient, User } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			supabase: SupabaseClient<Database>;
			locale: Locale;
			/** The verified user (checked with the auth server), or null. */
			getUser(): Promise<User | null>;
		}
		interface PageData {
			user?: { id: string; email: string | undefined; displayName: string | null } | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
