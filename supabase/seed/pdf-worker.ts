// Worker thread entry of the PDF pool: renders specs sent by pdf-pool.ts and transfers the bytes back.
import { parentPort } from 'node:worker_threads';
import type { PdfDocumentSpec } from './pdf.ts';
import { renderPdf } from './pdf-render.ts';

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs only as a worker thread (see pdf-pool.ts)');

port.on('message', async ({ id, spec }: { id: number; spec: PdfDocumentSpec }) => {
	try {
		const result = await renderPdf(spec);
		port.postMessage({ id, result }, [result.bytes.buffer as ArrayBuffer]);
	} catch (error) {
		port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
