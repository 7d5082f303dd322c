// The service worker: the app shell (built JS/CSS, icons, manifest) from the precache, and the
// offline page when a navigation fails. It never caches pages, API or Storage responses: those
// can depend on who is signed in, and a shared device must not show one user's data to the next.
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { version } from '$service-worker';

interface PrecacheEntry {
	url: string;
	revision: string | null;
}

const sw = self as unknown as ServiceWorkerGlobalScope;

const PREFIX = 'ratsinfo-shell-';
const CACHE = `${PREFIX}${version}`;
const OFFLINE_URL = '/offline';

// Filled in at build time by @vite-pwa/sveltekit (workbox injectManifest looks for exactly
// `self.__WB_MANIFEST`); empty in development.
const manifest = (self as unknown as { __WB_MANIFEST?: PrecacheEntry[] }).__WB_MANIFEST ?? [];
const precache = manifest.map((entry) => new URL(entry.url, sw.location.href));
const precached = new Set(precache.map((url) => url.pathname));

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(precache.map((url) => url.href));
			// Fetched without cookies, so the cached page is the anonymous one whoever installs.
			const offline = await fetch(OFFLINE_URL, { credentials: 'omit', cache: 'no-store' });
			if (!offline.ok) throw new Error(`offline page: HTTP ${offline.status}`);
			await cache.put(OFFLINE_URL, offline);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
			}
			// The first install takes over open tabs, so they get the offline page too.
			await sw.clients.claim();
		})()
	);
});

// The update prompt ("Neu laden") asks a waiting worker to take over.
sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.mode === 'navigate') {
		event.respondWith(
			fetch(request).catch(async () => {
				const offline = await caches.match(OFFLINE_URL, { cacheName: CACHE });
				return offline ?? Response.error();
			})
		);
		return;
	}
	if (precached.has(url.pathname)) {
		event.respondWith(
			caches.match(url.pathname, { cacheName: CACHE }).then((cached) => cached ?? fetch(request))
		);
	}
});
