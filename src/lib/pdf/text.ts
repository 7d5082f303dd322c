// The extracted page texts come from their own endpoint, not with the reader page: 300 pages of
// text are megabytes of HTML that every visitor would wait for, while only searchers need them.

/** The address of a document's page texts (JSON `{ pages: string[] }`, page n at n - 1). */
export const textUrl = (fileId: string) => `/files/${fileId}/text.json`;

/** The address of the server-rendered text version, from a page on, optionally searching. */
export function textVersionUrl(fileId: string, options: { page?: number; q?: string } = {}) {
	const params = new URLSearchParams();
	if (options.q?.trim()) params.set('q', options.q.trim());
	if (options.page) params.set('seite', String(options.page));
	return `/files/${fileId}/text${params.size ? `?${params}` : ''}`;
}

export async function fetchPageTexts(fileId: string): Promise<string[]> {
	const response = await fetch(textUrl(fileId), { headers: { accept: 'application/json' } });
	if (!response.ok) throw new Error(`page texts: HTTP ${response.status}`);
	const body: { pages?: unknown } = await response.json();
	if (!Array.isArray(body.pages)) throw new Error('page texts: unexpected answer');
	return body.pages.map((text) => (typeof text === 'string' ? text : ''));
}
