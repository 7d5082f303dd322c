// The reader page's head carries this tiny classic script inline (pdfBootScript in loader.ts; the
// CSP allows it by its hash, see svelte.config.js): it runs while the HTML is still being read,
// long before the app has hydrated, and starts what takes longest: the pdf.js worker (1 MB to
// compile) and the first range requests for the PDF.
// openPdf() in loader.ts takes them over. Plain JavaScript: the file is served as it is.
(() => {
	const script = document.currentScript;
	const data = script instanceof HTMLScriptElement ? script.dataset : null;
	if (!data?.pdf || !data.worker) return;
	/** @type {{ url: string } | undefined} */
	const started = Reflect.get(globalThis, '__ratsinfoPdf');
	// On a client-side navigation the reader may have started this document itself already.
	if (started?.url === data.pdf) return;
	// The same rule as tailRange() in loader.ts: an explicit range when the size is known, because
	// a suffix range (`bytes=-N`) costs a CORS preflight while `bytes=M-N` does not.
	/** @param {number} size @param {number} tail */
	const tailRange = (size, tail) =>
		size > 0 ? `bytes=${Math.max(0, size - tail)}-${size - 1}` : `bytes=-${tail}`;
	/** @param {string} range */
	const get = (range) => {
		const response = fetch(data.pdf ?? '', { headers: { range } });
		response.catch(() => {}); // openPdf() reports failures, or repeats the request
		return response;
	};
	Reflect.set(globalThis, '__ratsinfoPdf', {
		url: data.pdf,
		worker: new Worker(data.worker, { type: 'module' }),
		head: get(`bytes=0-${Number(data.head) - 1}`),
		tail: get(tailRange(Number(data.size), Number(data.tail)))
	});
	// pdf.js itself runs now, while the browser waits for the app's scripts, rather than during
	// hydration; the reader's import() of the same URL then finds it done.
	if (data.module) import(data.module).catch(() => {});
})();
