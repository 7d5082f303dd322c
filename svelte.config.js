import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The PDF reader's head carries src/lib/pdf/boot.js inline (see pdfBootScript): allowed by its
// hash, so that no other inline script runs.
/** @type {`sha256-${string}`} */
const pdfBootHash = `sha256-${createHash('sha256')
	.update(readFileSync(new URL('./src/lib/pdf/boot.js', import.meta.url)))
	.digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', pdfBootHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', 'https:'],
				// The local stack's API runs on any port (SUPABASE_API_PORT); a hosted project is https.
				'connect-src': ['self', 'http://127.0.0.1:*', 'http://localhost:*', 'https:'],
				'worker-src': ['self', 'blob:'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		serviceWorker: { register: false }
	}
};

export default config;
