import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		// src/service-worker.ts gets the precache list (self.__WB_MANIFEST); it registers itself from
		// src/lib/pwa/UpdatePrompt.svelte, so the plugin injects no registration script.
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			injectRegister: false,
			registerType: 'prompt',
			manifest: {
				id: '/',
				name: 'Ratsinformation Rheinstadt',
				short_name: 'Ratsinfo',
				description: 'Sitzungen, Vorlagen und Beschlüsse des Rates der Stadt Rheinstadt',
				lang: 'de',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				theme_color: '#0b4f8a',
				background_color: '#ffffff',
				icons: [
					{ src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{
						src: '/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			injectManifest: {
				// The app shell only: built JS/CSS, icons and the manifest. No page, not even a
				// prerendered one (the plugin adds those by default): pages can depend on who is signed in. The offline page is fetched anonymously
				// by the worker at install time. The PDF worker (1.3 MB) is loaded when a document
				// is opened, not installed up front.
				globPatterns: ['client/**/*.{js,mjs,css,png,svg,ico,webmanifest,woff2}'],
				globIgnores: ['**/pdf.worker*', 'client/service-worker.js', 'prerendered/**']
			}
		})
	],
	server: { host: '127.0.0.1', port: 5173 },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'supabase/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts', 'tests/browser/**/*.test.ts'],
					globalSetup: ['tests/setup/stack.ts', 'tests/setup/app.ts'],
					testTimeout: 60_000,
					hookTimeout: 300_000,
					fileParallelism: false
				}
			}
		]
	}
});
