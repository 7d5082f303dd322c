import { describe, expect, it } from 'vitest';
import { boundaryOf, MultipartError, readMultipart, type PartSink } from './multipart.ts';

/** A form encoded exactly as fetch (and so storage-js) sends it. */
async function encode(form: FormData): Promise<{ body: Buffer; contentType: string }> {
	const response = new Response(form);
	return {
		body: Buffer.from(await response.arrayBuffer()),
		contentType: response.headers.get('content-type')!
	};
}

async function* chunks(body: Buffer, size: number): AsyncGenerator<Buffer> {
	for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
}

function collector(): { sink: PartSink; bytes: () => Buffer; ended: () => boolean } {
	const parts: Buffer[] = [];
	let ended = false;
	return {
		sink: {
			write: async (chunk) => void parts.push(Buffer.from(chunk)),
			end: async () => void (ended = true)
		},
		bytes: () => Buffer.concat(parts),
		ended: () => ended
	};
}

describe('readMultipart', () => {
	// Content that looks like the start of a delimiter must pass through untouched.
	const tricky = Buffer.concat([
		Buffer.from('Anfang\r\n--\r\n-'),
		Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256)),
		Buffer.from('\r\n--Ende\r\n')
	]);

	for (const size of [1, 3, 17, 64, 1024, 100_000]) {
		it(`streams the file and collects fields with ${size}-byte chunks`, async () => {
			const form = new FormData();
			form.append('cacheControl', '3600');
			form.append('metadata', JSON.stringify({ seite: 1 }));
			form.append('', new Blob([tricky], { type: 'application/pdf' }), 'vorlage.pdf');
			const { body, contentType } = await encode(form);
			const out = collector();
			const result = await readMultipart(
				chunks(body, size),
				boundaryOf(contentType)!,
				async () => out.sink
			);
			expect(result.fields).toEqual({ cacheControl: '3600', metadata: '{"seite":1}' });
			expect(result.file).toEqual({
				field: '',
				filename: 'vorlage.pdf',
				contentType: 'application/pdf'
			});
			expect(out.ended()).toBe(true);
			expect(out.bytes().equals(tricky)).toBe(true);
		});
	}

	it('rejects a truncated body', async () => {
		const form = new FormData();
		form.append('', new Blob(['abc']), 'a.txt');
		const { body, contentType } = await encode(form);
		await expect(
			readMultipart(
				chunks(body.subarray(0, body.length - 10), 8),
				boundaryOf(contentType)!,
				async () => collector().sink
			)
		).rejects.toBeInstanceOf(MultipartError);
	});

	it('reads the boundary from the content type', () => {
		expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
		expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
		expect(boundaryOf('application/json')).toBeNull();
	});
});
