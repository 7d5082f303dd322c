// Paper and meeting pages link back to the projects that reference them.
import { describe, expect, inject, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';

const appUrl = inject('appUrl');

describe('links from council pages to projects', () => {
	it('lists the published projects of a paper and of a meeting', async () => {
		const service = serviceClient();
		const now = new Date().toISOString();
		const { data: paperLink } = await service
			.from('project_papers')
			.select(
				'paper_id, projects!inner(id, title, published_at), papers!inner(public, published_at)'
			)
			.lte('projects.published_at', now)
			.eq('papers.public', true)
			.lte('papers.published_at', now)
			.limit(1)
			.single();
		const { data: meetingLink } = await service
			.from('project_meetings')
			.select('meeting_id, projects!inner(id, published_at), meetings!inner(published_at)')
			.lte('projects.published_at', now)
			.lte('meetings.published_at', now)
			.limit(1)
			.single();
		expect(paperLink).not.toBeNull();
		expect(meetingLink).not.toBeNull();

		const paperPage = await (await fetch(`${appUrl}/papers/${paperLink!.paper_id}`)).text();
		expect(paperPage).toContain(`href="/projects/${paperLink!.projects.id}"`);
		const meetingPage = await (await fetch(`${appUrl}/meetings/${meetingLink!.meeting_id}`)).text();
		expect(meetingPage).toContain(`href="/projects/${meetingLink!.projects.id}"`);
	});
});
