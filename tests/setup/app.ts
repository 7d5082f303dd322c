// Vitest global setup for browser tests: the production build of the app, served against the stack
// that tests/setup/stack.ts started or found.
import type { ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { buildApp, serveApp } from '../../supabase/local/app.ts';
import { assertPortFree } from '../../supabase/local/postgres.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		appUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const port = Number(process.env.APP_TEST_PORT ?? 4173);
	await assertPortFree(port, '127.0.0.1', 'app under test', 'APP_TEST_PORT');
	await buildApp((line) => console.log(`[app] ${line}`));
	const app: ChildProcess = await serveApp(
		{
			supabaseUrl: project.getProvidedContext().supabaseUrl,
			anonKey: project.getProvidedContext().anonKey,
			serviceRoleKey: project.getProvidedContext().serviceRoleKey,
			port
		},
		'ignore'
	);
	project.provide('appUrl', `http://127.0.0.1:${port}`);
	return () =>
		new Promise<void>((resolve) => {
			app.once('exit', () => resolve());
			app.kill('SIGTERM');
		});
}
