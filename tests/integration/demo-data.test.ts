// The seeded demo city as anon sees it through the REST API: published rows only, and the
// non-public canary nowhere. Expectations are derived from the service role's view, never typed in.
import { describe, expect, inject, it } from 'vitest';
import { anonClient, serviceClient, signedInClient } from '../support/clients.ts';

const canary = 'KANARIENVOGEL-NICHTOEFFENTLICH';
const supabaseUrl = inject('supabaseUrl');
const anonKey = inject('anonKey');

async function restAll(table: string, key = anonKey, token = anonKey): Promise<string> {
	const chunks: string[] = [];
	for (let offset = 0; ; offset += 1000) {
		const response = await fetch(
			`${supabaseUrl}/rest/v1/${table}?select=*&offset=${offset}&limit=1000`,
			{
				headers: { apikey: key, Authorization: `Bearer ${token}` }
			}
		);
		expect(response.status).toBe(200);
		const text = await response.text();
		chunks.push(text);
		if ((JSON.parse(text) as unknown[]).length < 1000) break;
	}
	return chunks.join('\n');
}

describe('demo data through the REST API', () => {
	it('answers /rest/v1/meetings with published meetings only', async () => {
		const service = serviceClient();
		const now = new Date().toISOString();
		const { count: published } = await service
			.from('meetings')
			.select('id', { count: 'exact', head: true })
			.lte('published_at', now);
		const { count: all } = await service
			.from('meetings')
			.select('id', { count: 'exact', head: true });
		expect(published).toBeGreaterThan(200);
		expect(all).toBeGreaterThan(published!);

		const meetings = JSON.parse(await restAll('meetings')) as { published_at: string | null }[];
		expect(meetings).toHaveLength(published!);
		expect(meetings.every((m) => m.published_at !== null && m.published_at <= now)).toBe(true);
	});

	it('plants the canary in non-public rows and shows it to no anon response', async () => {
		const { count: planted } = await serviceClient()
			.from('agenda_items')
			.select('id', { count: 'exact', head: true })
			.eq('public', false)
			.ilike('name', `%${canary}%`);
		expect(planted).toBeGreaterThan(0);

		const tables = [
			'agenda_items',
			'papers',
			'files',
			'file_pages',
			'consultations',
			'file_attachments',
			'meetings',
			'paper_relations'
		];
		for (const table of tables) {
			expect(await restAll(table), table).not.toContain(canary);
		}
	});

	it('opens the non-public items of their bodies to the demo council member', async () => {
		const member = await signedInClient('ratsmitglied@rheinstadt.example', 'Demo-Passwort-2026');
		const { data, error } = await member
			.from('agenda_items')
			.select('id, name')
			.eq('public', false);
		expect(error).toBeNull();
		expect(data!.length).toBeGreaterThan(0);
		expect(data!.every((item) => item.name.includes(canary))).toBe(true);

		const { count: all } = await serviceClient()
			.from('agenda_items')
			.select('id', { count: 'exact', head: true })
			.eq('public', false);
		expect(data!.length).toBeLessThan(all!);
		const { data: anon } = await anonClient().from('agenda_items').select('id').eq('public', false);
		expect(anon).toEqual([]);
	});

	it('signs in every demo role with the documented password', async () => {
		const service = serviceClient();
		for (const [email, role] of [
			['admin@rheinstadt.example', 'admin'],
			['redaktion@rheinstadt.example', 'editor'],
			['moderation@rheinstadt.example', 'moderator'],
			['ratsmitglied@rheinstadt.example', 'citizen'],
			['buerger@rheinstadt.example', 'citizen']
		] as const) {
			const client = await signedInClient(email, 'Demo-Passwort-2026');
			const { data: user } = await client.auth.getUser();
			const { data: profile } = await service
				.from('profiles')
				.select('role')
				.eq('id', user.user!.id)
				.single();
			expect(profile?.role, email).toBe(role);
		}
	});
});
