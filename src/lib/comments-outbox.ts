// The durable outbox for comments written without network: kept in IndexedDB (survives reloads),
// shown with its status, and delivered through supabase-js (the user's session, RLS) when the
// network returns. Each entry carries its idempotency key, so a delivery that is repeated after a
// lost answer is rejected by the database's unique key and counted as delivered: exactly once.
import { createBrowserClient } from '@supabase/ssr';
import { env } from '$env/dynamic/public';
import type { Database } from '$lib/database.types';
import { commentErrorMessage, parsePin, PARTICIPATION_CONSENT_VERSION } from '$lib/comments';

export type OutboxStatus = 'waiting' | 'sending' | 'failed';

export interface OutboxEntry {
	key: string;
	projectId: string;
	parentId: string | null;
	body: string;
	pinLng: number | null;
	pinLat: number | null;
	official: boolean;
	consent: boolean;
	status: OutboxStatus;
	error: string | null;
	createdAt: string;
}

const DB = 'ratsinfo-outbox';
const STORE = 'comments';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const request = work(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(request.result);
			tx.onerror = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

const listeners = new Set<(entries: OutboxEntry[]) => void>();

export async function outboxEntries(): Promise<OutboxEntry[]> {
	const all = await run('readonly', (s) => s.getAll() as IDBRequest<OutboxEntry[]>);
	return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

async function notify() {
	const entries = await outboxEntries();
	for (const listener of listeners) listener(entries);
}

/** Calls back with the outbox now and after every change; returns the unsubscribe function. */
export function watchOutbox(listener: (entries: OutboxEntry[]) => void): () => void {
	listeners.add(listener);
	void outboxEntries().then(listener);
	return () => listeners.delete(listener);
}

const put = (entry: OutboxEntry) => run('readwrite', (s) => s.put(entry));
const remove = (key: string) => run('readwrite', (s) => s.delete(key));

/** Stores the form's comment for later delivery. */
export async function queueComment(projectId: string, form: FormData): Promise<void> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const pin = parsePin(text('pin_lng'), text('pin_lat'));
	await put({
		key: text('idempotency_key') || crypto.randomUUID(),
		projectId,
		parentId: text('parent_id') || null,
		body: text('body').trim(),
		pinLng: 'pin' in pin ? pin.pin.pin_lng : null,
		pinLat: 'pin' in pin ? pin.pin.pin_lat : null,
		official: text('official') === 'on',
		consent: text('consent') === 'on',
		status: 'waiting',
		error: null,
		createdAt: new Date().toISOString()
	});
	await notify();
}

let delivering: Promise<number> | null = null;

/** Sends every waiting entry; returns how many were delivered. One run at a time per page. */
export function deliverOutbox(): Promise<number> {
	delivering ??= deliver().finally(() => (delivering = null));
	return delivering;
}

async function deliver(): Promise<number> {
	if (!navigator.onLine) return 0;
	const supabase = createBrowserClient<Database>(
		env.PUBLIC_SUPABASE_URL!,
		env.PUBLIC_SUPABASE_ANON_KEY!
	);
	const { data: auth } = await supabase.auth.getUser();
	if (!auth.user) return 0;
	let delivered = 0;
	for (const entry of await outboxEntries()) {
		if (entry.status === 'failed') continue;
		await put({ ...entry, status: 'sending' });
		await notify();
		if (entry.consent) {
			await supabase
				.from('consents')
				.upsert(
					{ user_id: auth.user.id, kind: 'participation', version: PARTICIPATION_CONSENT_VERSION },
					{ onConflict: 'user_id,kind,version', ignoreDuplicates: true }
				);
		}
		const { error } = await supabase.from('comments').insert({
			project_id: entry.projectId,
			author_id: auth.user.id,
			parent_id: entry.parentId,
			body: entry.body,
			pin_lng: entry.pinLng,
			pin_lat: entry.pinLat,
			is_official: entry.official,
			idempotency_key: entry.key
		});
		if (!error || error.code === '23505') {
			await remove(entry.key);
			delivered++;
		} else if (!error.code) {
			// No answer from the server (network gone again): try again later.
			await put({ ...entry, status: 'waiting' });
		} else {
			await put({ ...entry, status: 'failed', error: commentErrorMessage(error) });
		}
		await notify();
	}
	return delivered;
}

export async function retryEntry(key: string): Promise<void> {
	const entry = (await outboxEntries()).find((e) => e.key === key);
	if (entry) await put({ ...entry, status: 'waiting', error: null });
	await notify();
	await deliverOutbox();
}

export async function discardEntry(key: string): Promise<void> {
	await remove(key);
	await notify();
}
