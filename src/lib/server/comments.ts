// Comment threads and the citizen's writes, through the request's client (the user's JWT → RLS).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import {
	PARTICIPATION_CONSENT_VERSION,
	THREADS_PER_PAGE,
	type CommentState,
	type PostgrestLikeError,
	type Thread,
	type ThreadComment
} from '$lib/comments';

type Client = SupabaseClient<Database>;

const columns =
	'id, parent_id, body, state, is_official, author_id, created_at, pin_lng, pin_lat, profiles!comments_author_id_fkey(display_name)';

type Row = {
	id: string;
	parent_id: string | null;
	body: string;
	state: CommentState;
	is_official: boolean;
	author_id: string | null;
	created_at: string;
	pin_lng: number | null;
	pin_lat: number | null;
	profiles: { display_name: string | null } | null;
};

/** One page of top-level comments (oldest first, so a discussion reads in order) with all replies. */
export async function loadThreads(
	supabase: Client,
	projectId: string,
	page: number,
	userId: string | null
): Promise<{ threads: Thread[]; total: number; pins: ThreadComment[] }> {
	const from = (page - 1) * THREADS_PER_PAGE;
	const top = await supabase
		.from('comments')
		.select(columns, { count: 'exact' })
		.eq('project_id', projectId)
		.is('parent_id', null)
		.order('created_at')
		.order('id')
		.range(from, from + THREADS_PER_PAGE - 1);
	if (top.error && top.error.code !== 'PGRST103')
		throw new Error(`Beiträge konnten nicht geladen werden: ${top.error.message}`);
	const topRows = (top.data ?? []) as unknown as Row[];
	const ids = topRows.map((r) => r.id);
	const [replies, counts, mine, reports, pinned] = await Promise.all([
		ids.length
			? supabase.from('comments').select(columns).in('parent_id', ids).order('created_at')
			: Promise.resolve({ data: [], error: null }),
		supabase.rpc('comment_support_counts', { p_project_id: projectId }),
		userId
			? supabase.from('comment_supports').select('comment_id').eq('user_id', userId)
			: Promise.resolve({ data: [], error: null }),
		userId
			? supabase.from('comment_reports').select('comment_id').eq('reporter_id', userId)
			: Promise.resolve({ data: [], error: null }),
		supabase
			.from('comments')
			.select(columns)
			.eq('project_id', projectId)
			.eq('state', 'published')
			.not('pin_lng', 'is', null)
			.limit(500)
	]);
	for (const r of [replies, counts, mine, reports, pinned])
		if (r.error) throw new Error(`Beiträge konnten nicht geladen werden: ${r.error.message}`);

	const supportCount = new Map((counts.data ?? []).map((c) => [c.comment_id, c.supports]));
	const supported = new Set((mine.data ?? []).map((s) => s.comment_id));
	const reported = new Set((reports.data ?? []).map((s) => s.comment_id));
	const toComment = (r: Row): ThreadComment => ({
		id: r.id,
		parentId: r.parent_id,
		body: r.body,
		state: r.state,
		isOfficial: r.is_official,
		author: r.profiles?.display_name ?? null,
		authorDeleted: r.author_id === null,
		mine: userId !== null && r.author_id === userId,
		createdAt: r.created_at,
		pin: r.pin_lng !== null && r.pin_lat !== null ? [r.pin_lng, r.pin_lat] : null,
		supports: supportCount.get(r.id) ?? 0,
		supportedByMe: supported.has(r.id),
		reportedByMe: reported.has(r.id)
	});
	const byParent = new Map<string, ThreadComment[]>();
	for (const r of (replies.data ?? []) as unknown as Row[]) {
		const list = byParent.get(r.parent_id!) ?? [];
		list.push(toComment(r));
		byParent.set(r.parent_id!, list);
	}
	return {
		threads: topRows.map((r) => ({ ...toComment(r), replies: byParent.get(r.id) ?? [] })),
		total: top.count ?? 0,
		pins: ((pinned.data ?? []) as unknown as Row[]).map(toComment)
	};
}

export interface NewComment {
	projectId: string;
	authorId: string;
	body: string;
	parentId?: string;
	idempotencyKey?: string;
	official: boolean;
	pin: { pin_lng: number | null; pin_lat: number | null };
}

/** Inserts a comment; a repeated idempotency key means it is already stored, which is success. */
export async function createComment(
	supabase: Client,
	c: NewComment
): Promise<{ id: string | null; state: CommentState | null; error: PostgrestLikeError | null }> {
	const { data, error } = await supabase
		.from('comments')
		.insert({
			project_id: c.projectId,
			author_id: c.authorId,
			body: c.body,
			parent_id: c.parentId ?? null,
			idempotency_key: c.idempotencyKey ?? null,
			is_official: c.official,
			...c.pin
		})
		.select('id, state')
		.single();
	if (error?.code === '23505' && c.idempotencyKey) return { id: null, state: null, error: null };
	if (error) return { id: null, state: null, error };
	return { id: data.id, state: data.state, error: null };
}

export async function ensureConsent(
	supabase: Client,
	userId: string
): Promise<PostgrestLikeError | null> {
	const { error } = await supabase
		.from('consents')
		.upsert(
			{ user_id: userId, kind: 'participation', version: PARTICIPATION_CONSENT_VERSION },
			{ onConflict: 'user_id,kind,version', ignoreDuplicates: true }
		);
	return error;
}

export async function hasConsent(supabase: Client, userId: string): Promise<string | null> {
	const { data } = await supabase
		.from('consents')
		.select('given_at')
		.eq('user_id', userId)
		.eq('kind', 'participation')
		.eq('version', PARTICIPATION_CONSENT_VERSION)
		.maybeSingle();
	return data?.given_at ?? null;
}
