// Rendering and text extraction are CPU-bound (a few milliseconds per page, ~6,500 pages in the
// demo data), so they run on worker threads while the main thread uploads and inserts.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfDocumentSpec } from './pdf.ts';
import { renderPdf, type RenderedPdf } from './pdf-render.ts';

export interface PdfPool {
	threads: number;
	render(spec: PdfDocumentSpec): Promise<RenderedPdf>;
	close(): Promise<void>;
}

interface Task {
	id: number;
	spec: PdfDocumentSpec;
	resolve: (result: RenderedPdf) => void;
	reject: (error: Error) => void;
}

/** Tasks in flight per worker: one running, one waiting, so a worker never idles on messaging. */
const PER_WORKER = 2;

export function defaultThreads(): number {
	return Math.max(1, Math.min(4, availableParallelism()));
}

/** A pool of `threads` workers; 0 renders on the calling thread. */
export function createPdfPool(threads = defaultThreads()): PdfPool {
	if (threads === 0) return { threads, render: renderPdf, close: async () => undefined };

	const queue: Task[] = [];
	const slots = Array.from({ length: threads }, () => ({
		worker: new Worker(new URL('./pdf-worker.ts', import.meta.url)),
		running: new Map<number, Task>()
	}));
	let nextId = 0;
	let failure: Error | undefined;

	const fail = (error: Error) => {
		failure ??= error;
		for (const slot of slots) {
			for (const task of slot.running.values()) task.reject(failure);
			slot.running.clear();
		}
		for (const task of queue.splice(0)) task.reject(failure);
	};
	const dispatch = () => {
		for (const slot of slots) {
			while (slot.running.size < PER_WORKER && queue.length > 0) {
				const task = queue.shift() as Task;
				slot.running.set(task.id, task);
				slot.worker.postMessage({ id: task.id, spec: task.spec });
			}
		}
	};
	for (const slot of slots) {
		slot.worker.on('message', (msg: { id: number; result?: RenderedPdf; error?: string }) => {
			const task = slot.running.get(msg.id);
			if (!task) return;
			slot.running.delete(msg.id);
			if (msg.error !== undefined) {
				task.reject(new Error(`PDF „${task.spec.reference}“: ${msg.error}`));
			} else {
				task.resolve(msg.result as RenderedPdf);
			}
			dispatch();
		});
		slot.worker.on('error', (error) =>
			fail(new Error(`PDF-Worker fehlgeschlagen: ${error.message}`))
		);
		slot.worker.on('exit', (code) => {
			if (code !== 0) fail(new Error(`PDF-Worker beendet mit Code ${code}`));
		});
	}

	return {
		threads,
		render(spec) {
			if (failure) return Promise.reject(failure);
			return new Promise((resolve, reject) => {
				queue.push({ id: nextId++, spec, resolve, reject });
				dispatch();
			});
		},
		async close() {
			failure ??= new Error('PDF-Pool geschlossen');
			await Promise.all(slots.map((slot) => slot.worker.terminate()));
		}
	};
}
