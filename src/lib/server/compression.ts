// Compressing what the app renders itself: adapter-node serves only the prebuilt static files
// compressed. Used by the compression hook (hooks.server.ts) and by endpoints that compress answers
// the hook leaves alone.

/** Whether the request accepts gzip (and does not refuse it with `q=0`). */
export function acceptsGzip(request: Request): boolean {
	return (request.headers.get('accept-encoding') ?? '')
		.split(',')
		.some((coding) => /^\s*gzip\s*(;\s*q=(1|0?\.\d*[1-9]\d*)\s*)?$/.test(coding));
}

/** The response gzipped while it streams, with headers to match. */
export function gzipped(response: Response): Response {
	if (!response.body) return response;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	if (!/\baccept-encoding\b/i.test(headers.get('vary') ?? ''))
		headers.append('vary', 'Accept-Encoding');
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
