// Drawing one PDF page: the canvas for the eye, the pdf.js text layer on top for selection,
// copying, screen readers and search highlights.
import type { PDFPageProxy, RenderTask } from 'pdfjs-dist';
import type { PdfJs } from './loader';
import { occurrences } from './search';

export interface PageTargets {
	canvas: HTMLCanvasElement;
	textLayer: HTMLDivElement;
	/** Receives `--scale-factor`, which the text layer's CSS sizes itself by. */
	box: HTMLElement;
}

/** Renders a page at a CSS scale; resolves when canvas and text layer are done. */
export function renderPage(
	pdfjs: PdfJs,
	page: PDFPageProxy,
	scale: number,
	targets: PageTargets
): { painted: Promise<void>; done: Promise<void>; cancel: () => void } {
	const viewport = page.getViewport({ scale });
	const ratio = window.devicePixelRatio || 1;
	const { canvas, textLayer, box } = targets;
	// Draw off-screen first, so the old page stays visible until the new one is ready.
	const scratch = document.createElement('canvas');
	scratch.width = Math.floor(viewport.width * ratio);
	scratch.height = Math.floor(viewport.height * ratio);
	const task: RenderTask = page.render({
		canvas: scratch,
		canvasContext: scratch.getContext('2d')!,
		viewport,
		transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0]
	});
	const painted = (async () => {
		await task.promise;
		canvas.width = scratch.width;
		canvas.height = scratch.height;
		canvas.getContext('2d')!.drawImage(scratch, 0, 0);
		box.style.setProperty('--scale-factor', String(scale));
		box.style.width = `${Math.floor(viewport.width)}px`;
		box.style.height = `${Math.floor(viewport.height)}px`;
	})();
	const done = (async () => {
		await painted;
		textLayer.replaceChildren();
		const layer = new pdfjs.TextLayer({
			textContentSource: page.streamTextContent(),
			container: textLayer,
			viewport
		});
		await layer.render();
	})();
	return { painted, done, cancel: () => task.cancel() };
}

/**
 * Marks the occurrences of a normalised term in the text layer (within each text run, as pdf.js
 * lays text out run by run) and returns the marks in reading order.
 */
export function markHits(textLayer: HTMLElement, term: string): HTMLElement[] {
	for (const mark of textLayer.querySelectorAll('mark.hit')) {
		mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
	}
	textLayer.normalize();
	if (!term) return [];
	const marks: HTMLElement[] = [];
	for (const span of textLayer.querySelectorAll<HTMLElement>('span:not(.markedContent)')) {
		const text = span.textContent ?? '';
		const starts = occurrences(text, term);
		if (starts.length === 0) continue;
		const parts: Node[] = [];
		let from = 0;
		for (const start of starts) {
			parts.push(document.createTextNode(text.slice(from, start)));
			const mark = document.createElement('mark');
			mark.className = 'hit';
			mark.textContent = text.slice(start, start + term.length);
			parts.push(mark);
			marks.push(mark);
			from = start + term.length;
		}
		parts.push(document.createTextNode(text.slice(from)));
		span.replaceChildren(...parts);
	}
	return marks;
}
