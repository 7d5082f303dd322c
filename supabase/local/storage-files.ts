// Object bytes on disk for the local Storage stand-in: streamed uploads into temp files and
// streamed downloads with HTTP range and conditional request support.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PartSink } from './multipart.ts';

/** Thrown when an upload is larger than allowed; the caller maps it to a 413. */
export class TooLargeError extends Error {}

export class FileStore {
	root: string;
	constructor(root: string) {
		this.root = resolve(root);
	}

	/** Path of an object's bytes; throws on keys that would escape the bucket directory. */
	pathOf(bucket: string, key: string): string {
		const bucketDir = resolve(this.root, bucket);
		const file = resolve(bucketDir, key);
		if (!bucketDir.startsWith(this.root + sep) || !file.startsWith(bucketDir + sep)) {
			throw new Error(`path escapes storage root: ${bucket}/${key}`);
		}
		return file;
	}

	bucketDir(bucket: string): string {
		const dir = resolve(this.root, bucket);
		if (!dir.startsWith(this.root + sep)) throw new Error(`bad bucket: ${bucket}`);
		return dir;
	}

	/** A temp file (inside root, so the final rename stays on one file system). */
	async tempUpload(limit: number): Promise<TempUpload> {
		const dir = resolve(this.root, '.uploads');
		await mkdir(dir, { recursive: true });
		return new TempUpload(resolve(dir, randomUUID()), limit);
	}

	async place(temp: TempUpload, bucket: string, key: string): Promise<void> {
		const target = this.pathOf(bucket, key);
		await mkdir(dirname(target), { recursive: true });
		await rename(temp.path, target);
	}

	async remove(bucket: string, key: string): Promise<void> {
		await rm(this.pathOf(bucket, key), { force: true });
	}

	async removeBucket(bucket: string): Promise<void> {
		await rm(this.bucketDir(bucket), { recursive: true, force: true });
	}
}

/** Receives an upload chunk by chunk, hashing (for the ETag) and counting as it writes. */
export class TempUpload implements PartSink {
	path: string;
	size = 0;
	limit: number;
	#hash = createHash('md5');
	#out: WriteStream;
	#failed: Error | null = null;

	constructor(path: string, limit: number) {
		this.path = path;
		this.limit = limit;
		this.#out = createWriteStream(path);
		this.#out.on('error', (error) => (this.#failed = error));
	}

	async write(chunk: Buffer): Promise<void> {
		if (this.#failed) throw this.#failed;
		this.size += chunk.length;
		if (this.size > this.limit) throw new TooLargeError('upload exceeds size limit');
		this.#hash.update(chunk);
		if (!this.#out.write(chunk)) {
			await new Promise<void>((done, fail) => {
				const onError = (error: Error): void => fail(error);
				this.#out.once('error', onError);
				this.#out.once('drain', () => {
					this.#out.off('error', onError);
					done();
				});
			});
		}
	}

	async end(): Promise<void> {
		if (this.#failed) throw this.#failed;
		await new Promise<void>((done, fail) => {
			this.#out.once('error', fail);
			this.#out.end(() => done());
		});
	}

	async writeAll(body: AsyncIterable<Buffer>): Promise<void> {
		for await (const chunk of body) await this.write(chunk);
		await this.end();
	}

	etag(): string {
		return `"${this.#hash.digest('hex')}"`;
	}

	async discard(): Promise<void> {
		this.#out.destroy();
		await unlink(this.path).catch(() => {});
	}
}

export interface ServedObject {
	file: string;
	contentType: string;
	cacheControl: string;
	eTag: string;
	lastModified: Date;
	/** `?download=` value: attachment with this file name. */
	downloadName?: string | null;
}

type Range = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * A single `bytes=` range. Malformed headers and multiple ranges are ignored (the whole object
 * is sent, which RFC 9110 allows); a range that starts beyond the end is unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): Range {
	if (!header) return null;
	const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
	if (!match) return null;
	const [, first, last] = match;
	if (first === '' && last === '') return null;
	if (first === '') {
		const suffix = Number(last);
		if (suffix === 0 || size === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(first);
	if (last !== '' && Number(last) < start) return null;
	if (start >= size) return 'unsatisfiable';
	const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
	return { start, end };
}

function contentDisposition(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function notModified(req: IncomingMessage, eTag: string, lastModified: Date): boolean {
	const ifNoneMatch = req.headers['if-none-match'];
	if (ifNoneMatch) {
		return ifNoneMatch
			.split(',')
			.map((tag) => tag.trim().replace(/^W\//, ''))
			.some((tag) => tag === '*' || tag === eTag);
	}
	const since = Date.parse(req.headers['if-modified-since'] ?? '');
	return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** If-Range: honour the Range header only while the client's validator still matches. */
function rangeStillValid(req: IncomingMessage, eTag: string, lastModified: Date): boolean {
	const header = req.headers['if-range'];
	const ifRange = Array.isArray(header) ? header[0] : header;
	if (!ifRange) return true;
	if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === eTag;
	return lastModified.toUTCString() === ifRange;
}

/**
 * Streams an object with Accept-Ranges, ETag, Last-Modified, 206/416 and 304 handling.
 * Returns false when the bytes are missing on disk (the caller answers 404).
 */
export async function sendObject(
	req: IncomingMessage,
	res: ServerResponse,
	object: ServedObject
): Promise<boolean> {
	const info = await stat(object.file).catch(() => null);
	if (!info?.isFile()) return false;
	const size = info.size;
	const headers: Record<string, string | number> = {
		'content-type': object.contentType,
		'cache-control': object.cacheControl,
		etag: object.eTag,
		'last-modified': object.lastModified.toUTCString(),
		'accept-ranges': 'bytes'
	};
	if (object.downloadName != null)
		headers['content-disposition'] = contentDisposition(object.downloadName);
	if (notModified(req, object.eTag, object.lastModified)) {
		res.writeHead(304, headers);
		res.end();
		return true;
	}
	const range = rangeStillValid(req, object.eTag, object.lastModified)
		? parseRange(req.headers.range, size)
		: null;
	if (range === 'unsatisfiable') {
		const body = JSON.stringify({
			statusCode: '416',
			code: 'InvalidRange',
			error: 'invalid_range',
			message: 'The requested range is not satisfiable'
		});
		res.writeHead(416, {
			'content-range': `bytes */${size}`,
			'content-type': 'application/json; charset=utf-8',
			'content-length': Buffer.byteLength(body),
			'accept-ranges': 'bytes'
		});
		res.end(body);
		return true;
	}
	const start = range?.start ?? 0;
	const end = range?.end ?? size - 1;
	headers['content-length'] = size === 0 ? 0 : end - start + 1;
	if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
	res.writeHead(range ? 206 : 200, headers);
	if (req.method === 'HEAD' || size === 0) {
		res.end();
		return true;
	}
	try {
		await pipeline(createReadStream(object.file, { start, end }), res);
	} catch {
		// The client went away mid-download; nothing left to answer.
		res.destroy();
	}
	return true;
}
