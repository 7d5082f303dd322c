// Vitest global setup for integration tests: reuse a running embedded stack (npm start / npm run
// stack) or start one, and hand its URL and keys to the tests.
import type { TestProject } from 'vitest/node';
import { dbUrl, readEnvFile, stackConfig } from '../../supabase/local/config.ts';
import { startStack, type Stack } from '../../supabase/local/stack.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		supabaseUrl: string;
		anonKey: string;
		serviceRoleKey: string;
		dbUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const config = stackConfig();
	const url = `http://${config.host}:${config.apiPort}`;
	const env = readEnvFile();
	const running = await fetch(`${url}/auth/v1/health`).then(
		(r) => r.ok,
		() => false
	);
	let stack: Stack | undefined;
	if (running && env.PUBLIC_SUPABASE_ANON_KEY && env.SUPABASE_SERVICE_ROLE_KEY) {
		project.provide('supabaseUrl', url);
		project.provide('anonKey', env.PUBLIC_SUPABASE_ANON_KEY);
		project.provide('serviceRoleKey', env.SUPABASE_SERVICE_ROLE_KEY);
		project.provide('dbUrl', dbUrl(config));
	} else {
		stack = await startStack({ log: (line) => console.log(`[stack] ${line}`) });
		project.provide('supabaseUrl', stack.supabaseUrl);
		project.provide('anonKey', stack.anonKey);
		project.provide('serviceRoleKey', stack.serviceRoleKey);
		project.provide('dbUrl', stack.dbUrl);
	}
	return async () => {
		await stack?.stop();
	};
}
