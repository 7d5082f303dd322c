// A streaming multipart/form-data reader for uploads: the first file part goes to a sink chunk by
// chunk (never the whole file in memory), small text fields are collected.

export interface PartSink {
	write(chunk: Buffer): Promise<void>;
	end(): Promise<void>;
}

export interface FilePartInfo {
	field: string;
	filename: string;
	contentType: string | null;
}

export interface MultipartResult {
	fields: Record<string, string>;
	file: FilePartInfo | null;
}

export class MultipartError extends Error {}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_FIELD_BYTES = 1024 * 1024;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

export function boundaryOf(contentType: string | undefined): string | null {
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]).trim() : null;
}

function parseDisposition(value: string): { name: string | null; filename: string | null } {
	const param = (key: string): string | null => {
		const match = new RegExp(`(?:^|;)\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(value);
		if (match) return match[1].replace(/\\(.)/g, '$1');
		const bare = new RegExp(`(?:^|;)\\s*${key}=([^;]*)`, 'i').exec(value);
		return bare ? bare[1].trim() : null;
	};
	return { name: param('name'), filename: param('filename') };
}

/**
 * Reads `body` as multipart/form-data. `openFile` is called for the first part with a filename
 * (or, as storage-js sends it, a part with a content type) and gets its bytes; later file parts
 * are rejected.
 */
export async function readMultipart(
	body: AsyncIterable<Buffer>,
	boundary: string,
	openFile: (info: FilePartInfo) => Promise<PartSink>
): Promise<MultipartResult> {
	// Prefixing CRLF lets the first delimiter match like every later one.
	const delimiter = Buffer.from(`\r\n--${boundary}`);
	const fields: Record<string, string> = {};
	let file: FilePartInfo | null = null;
	// An object, so TypeScript does not narrow the state across the `process` closure.
	const parser: { state: 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done' } = {
		state: 'preamble'
	};
	let buffer: Buffer = Buffer.from(CRLF);
	let sink: PartSink | null = null;
	let field: { name: string; chunks: Buffer[]; size: number } | null = null;

	const emit = async (chunk: Buffer): Promise<void> => {
		if (chunk.length === 0) return;
		if (sink) return sink.write(chunk);
		if (field) {
			field.size += chunk.length;
			if (field.size > MAX_FIELD_BYTES) throw new MultipartError('form field too large');
			field.chunks.push(chunk);
		}
	};
	const finishPart = async (): Promise<void> => {
		if (sink) {
			await sink.end();
			sink = null;
		}
		if (field) {
			fields[field.name] = Buffer.concat(field.chunks).toString('utf8');
			field = null;
		}
	};
	const startPart = async (head: string): Promise<void> => {
		const headers: Record<string, string> = {};
		for (const line of head.split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0)
				headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const { name, filename } = parseDisposition(headers['content-disposition'] ?? '');
		const contentType = headers['content-type'] ?? null;
		if (filename !== null || (contentType && !/^text\/plain/i.test(contentType))) {
			if (file) throw new MultipartError('only one file per upload is supported');
			file = { field: name ?? '', filename: filename ?? '', contentType };
			sink = await openFile(file);
		} else {
			field = { name: name ?? '', chunks: [], size: 0 };
		}
	};

	const process = async (): Promise<boolean> => {
		if (parser.state === 'preamble' || parser.state === 'body') {
			const index = buffer.indexOf(delimiter);
			if (index === -1) {
				// Keep a tail that could be the start of a delimiter split across chunks.
				const safe = Math.max(0, buffer.length - delimiter.length + 1);
				if (parser.state === 'body') await emit(buffer.subarray(0, safe));
				buffer = buffer.subarray(safe);
				return false;
			}
			if (parser.state === 'body') {
				await emit(buffer.subarray(0, index));
				await finishPart();
			}
			buffer = buffer.subarray(index + delimiter.length);
			parser.state = 'after-delimiter';
			return true;
		}
		if (parser.state === 'after-delimiter') {
			if (buffer.length < 2) return false;
			if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
				parser.state = 'done';
				return false;
			}
			// Transport padding and the line break after the delimiter.
			const lineEnd = buffer.indexOf(CRLF);
			if (lineEnd === -1) return false;
			buffer = buffer.subarray(lineEnd + 2);
			parser.state = 'headers';
			return true;
		}
		if (parser.state === 'headers') {
			const end = buffer.indexOf(HEADER_END);
			if (end === -1) {
				if (buffer.length > MAX_HEADER_BYTES) throw new MultipartError('part headers too large');
				return false;
			}
			await startPart(buffer.subarray(0, end).toString('utf8'));
			buffer = buffer.subarray(end + HEADER_END.length);
			parser.state = 'body';
			return true;
		}
		return false;
	};

	for await (const chunk of body) {
		if (parser.state === 'done') continue;
		buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
		while (await process());
	}
	if (parser.state !== 'done') throw new MultipartError('unexpected end of multipart body');
	return { fields, file };
}
