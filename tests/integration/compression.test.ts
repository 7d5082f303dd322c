// Pages, data and exports the app renders leave gzipped for anonymous visitors who accept it, and
// never for signed-in users, whose pages can hold secrets next to text they chose (BREACH).
// Raw bytes through node:http, so that nothing decompresses on the way.
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { appSession } from '../support/app-session.ts';
import { DEMO_PASSWORD, MEMBER_EMAIL } from '../support/council-demo.ts';

const appUrl = inject('appUrl');

interface Raw {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

function raw(path: string, headers: Record<string, string>): Promise<Raw> {
	return new Promise((resolve, reject) => {
		get(`${appUrl}${path}`, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					headers: response.headers,
					body: Buffer.concat(chunks)
				})
			);
			response.on('error', reject);
		}).on('error', reject);
	});
}

let memberCookie: string;
beforeAll(async () => {
	memberCookie = await appSession(appUrl, MEMBER_EMAIL, DEMO_PASSWORD);
});

describe('compression', () => {
	it.each([
		['the meetings page', '/meetings', '<html'],
		['a search with its CSV export', '/search/export?q=Radweg', 'Radweg'],
		['the data of a client-side navigation', '/meetings/__data.json', '"type":"data"']
	])('gzips %s for anonymous visitors', async (_, path, expected) => {
		const plain = await raw(path, {});
		const zipped = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
		expect([plain.status, zipped.status]).toEqual([200, 200]);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(String(zipped.headers.vary)).toMatch(/Accept-Encoding/i);
		const unzipped = gunzipSync(zipped.body).toString('utf8');
		expect(unzipped).toContain(expected);
		expect(zipped.body.length).toBeLessThan(unzipped.length / 2);
	});

	it('sends nothing gzipped when the visitor refuses it', async () => {
		const refused = await raw('/meetings', { 'accept-encoding': 'gzip;q=0, identity' });
		expect(refused.headers['content-encoding']).toBeUndefined();
		expect(refused.body.toString('utf8')).toContain('<html');
	});

	it('never compresses pages for signed-in users', async () => {
		const page = await raw('/meetings', { 'accept-encoding': 'gzip', cookie: memberCookie });
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toBeUndefined();
		expect(page.headers['cache-control']).toBe('private, no-store');
		expect(page.body.toString('utf8')).toContain('<html');
	});
});
