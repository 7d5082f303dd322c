// The moderators' side: who is one, the queue, decisions, notes, exports and statistics. All of it
// goes through the request's client; RLS and the comment triggers decide what is allowed.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { CommentState } from '$lib/comments';

type Client = SupabaseClient<Database>;
type AppRole = Database['public']['Enums']['app_role'];

export async function roleOf(supabase: Client, userId: string | null): Promise<AppRole | null> {
	if (!userId) return null;
	const { data } = await supabase.from('profiles').select('role').eq('id', userId).maybeSingle();
	return data?.role ?? null;
}

export const isModeratorRole = (role: AppRole | null) =>
	role === 'moderator' || role === 'editor' || role === 'admin';

export interface QueueItem {
	id: string;
	projectId: string;
	projectTitle: string;
	parentId: string | null;
	body: string;
	state: CommentState;
	author: string | null;
	createdAt: string;
	openReports: { reason: string; note: string | null }[];
	notes: { body: string; createdAt: string; author: string | null }[];
}

/** Pending, hidden and reported comments, oldest first: what waits for a decision. */
export async function moderationQueue(
	supabase: Client,
	filter: { projectId?: string; state?: CommentState | 'reported' }
): Promise<QueueItem[]> {
	const reported = await supabase
		.from('comment_reports')
		.select('comment_id')
		.is('resolved_at', null)
		.limit(1000);
	if (reported.error) throw new Error(`Meldungen: ${reported.error.message}`);
	const reportedIds = [...new Set(reported.data.map((r) => r.comment_id))];

	let query = supabase
		.from('comments')
		.select(
			`id, project_id, parent_id, body, state, created_at, projects(title), profiles!comments_author_id_fkey(display_name),
			comment_reports(reason, note, resolved_at), moderation_notes(body, created_at, profiles(display_name))`
		)
		.order('created_at')
		.limit(200);
	if (filter.projectId) query = query.eq('project_id', filter.projectId);
	if (filter.state === 'reported') query = query.in('id', reportedIds);
	else if (filter.state) query = query.eq('state', filter.state);
	else {
		const ids = reportedIds.length ? `,id.in.(${reportedIds.join(',')})` : '';
		query = query.or(`state.in.(pending,hidden)${ids}`);
	}
	const { data, error } = await query;
	if (error) throw new Error(`Die Moderationsliste konnte nicht geladen werden: ${error.message}`);
	type Row = {
		id: string;
		project_id: string;
		parent_id: string | null;
		body: string;
		state: CommentState;
		created_at: string;
		projects: { title: string } | null;
		profiles: { display_name: string | null } | null;
		comment_reports: { reason: string; note: string | null; resolved_at: string | null }[];
		moderation_notes: {
			body: string;
			created_at: string;
			profiles: { display_name: string | null } | null;
		}[];
	};
	return (data as unknown as Row[]).map((r) => ({
		id: r.id,
		projectId: r.project_id,
		projectTitle: r.projects?.title ?? '',
		parentId: r.parent_id,
		body: r.body,
		state: r.state,
		author: r.profiles?.display_name ?? null,
		createdAt: r.created_at,
		openReports: r.comment_reports
			.filter((x) => x.resolved_at === null)
			.map((x) => ({ reason: x.reason, note: x.note })),
		notes: r.moderation_notes.map((n) => ({
			body: n.body,
			createdAt: n.created_at,
			author: n.profiles?.display_name ?? null
		}))
	}));
}

export type Decision = 'approve' | 'hide' | 'restore' | 'remove';

const targetState: Record<Decision, CommentState> = {
	approve: 'published',
	hide: 'hidden',
	restore: 'published',
	remove: 'removed_by_moderator'
};

/** Sets the state and closes the open reports: a decision answers them. */
export async function decide(
	supabase: Client,
	commentId: string,
	decision: Decision,
	moderatorId: string
) {
	const { data, error } = await supabase
		.from('comments')
		.update({ state: targetState[decision] })
		.eq('id', commentId)
		.select('id');
	if (error) return error.message;
	if (!data.length) return 'Dieser Beitrag existiert nicht oder Sie dürfen ihn nicht moderieren.';
	const resolved = await supabase
		.from('comment_reports')
		.update({ resolved_at: new Date().toISOString(), resolved_by: moderatorId })
		.eq('comment_id', commentId)
		.is('resolved_at', null);
	return resolved.error?.message ?? null;
}

export async function addNote(supabase: Client, commentId: string, authorId: string, body: string) {
	const { error } = await supabase
		.from('moderation_notes')
		.insert({ comment_id: commentId, author_id: authorId, body });
	return error?.message ?? null;
}

export interface ExportRow {
	id: string;
	parent_id: string | null;
	state: CommentState;
	is_official: boolean;
	author: string | null;
	body: string;
	pin_lng: number | null;
	pin_lat: number | null;
	created_at: string;
	modified_at: string;
	supports: number;
}

/** Every comment of a project the caller may see (moderators: all), for CSV and GeoJSON. */
export async function exportRows(supabase: Client, projectId: string): Promise<ExportRow[]> {
	const [comments, counts] = await Promise.all([
		supabase
			.from('comments')
			.select(
				'id, parent_id, state, is_official, body, pin_lng, pin_lat, created_at, modified_at, profiles!comments_author_id_fkey(display_name)'
			)
			.eq('project_id', projectId)
			.order('created_at')
			.limit(50_000),
		supabase.rpc('comment_support_counts', { p_project_id: projectId })
	]);
	if (comments.error) throw new Error(`Export: ${comments.error.message}`);
	if (counts.error) throw new Error(`Export: ${counts.error.message}`);
	const supports = new Map(counts.data.map((c) => [c.comment_id, c.supports]));
	return comments.data.map(({ profiles, ...c }) => ({
		...c,
		author: (profiles as { display_name: string | null } | null)?.display_name ?? null,
		supports: supports.get(c.id) ?? 0
	}));
}

/** RFC 4180 fields; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
function csvField(value: unknown): string {
	let s = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: ExportRow[]): string {
	const header = [
		'id',
		'parent_id',
		'state',
		'is_official',
		'author',
		'body',
		'pin_lng',
		'pin_lat',
		'supports',
		'created_at',
		'modified_at'
	] as const;
	const lines = [header.join(',')];
	for (const r of rows) lines.push(header.map((h) => csvField(r[h])).join(','));
	return lines.join('\r\n') + '\r\n';
}

export function toGeoJson(rows: ExportRow[]) {
	return {
		type: 'FeatureCollection' as const,
		features: rows
			.filter((r) => r.pin_lng !== null && r.pin_lat !== null)
			.map((r) => ({
				type: 'Feature' as const,
				geometry: { type: 'Point' as const, coordinates: [r.pin_lng!, r.pin_lat!] },
				properties: {
					id: r.id,
					parent_id: r.parent_id,
					state: r.state,
					is_official: r.is_official,
					body: r.body,
					supports: r.supports,
					created_at: r.created_at
				}
			}))
	};
}

/** Comments per day (in the city's time zone) and per state. */
export function statistics(rows: ExportRow[]) {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });
	const perDay = new Map<string, number>();
	const perState = new Map<CommentState, number>();
	for (const r of rows) {
		const d = day.format(new Date(r.created_at));
		perDay.set(d, (perDay.get(d) ?? 0) + 1);
		perState.set(r.state, (perState.get(r.state) ?? 0) + 1);
	}
	return {
		perDay: [...perDay]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([date, count]) => ({ date, count })),
		perState: [...perState].map(([state, count]) => ({ state, count })),
		total: rows.length
	};
}
