// Council documents (files) for the reader and the download: metadata, extracted page text and
// short-lived signed Storage URLs. Everything runs with the request's client, so RLS on files,
// file_pages and storage.objects decides who sees a document; nothing here needs the service role.
import type { SupabaseClient } from '@supabase/supabase-js';
import * as v from 'valibot';
import type { Database } from '$lib/database.types';

type Client = SupabaseClient<Database>;

export const FileIdSchema = v.pipe(v.string(), v.uuid());

/** The in-document search term of a deep link (`?q=Radweg`). */
export const SearchTermSchema = v.pipe(v.string(), v.trim(), v.maxLength(200));

/** Signed URLs live one hour: long enough to read a document, short enough to be useless later. */
const SIGNED_URL_SECONDS = 60 * 60;

export interface FileInfo {
	id: string;
	name: string;
	fileName: string;
	mimeType: string;
	size: number | null;
	pageCount: number | null;
	storagePath: string;
}

/** The file as the caller may see it, or null when it does not exist or is hidden from them. */
export async function getFile(supabase: Client, id: string): Promise<FileInfo | null> {
	const { data, error } = await supabase
		.from('files')
		.select('id, name, file_name, mime_type, size, page_count, storage_bucket, storage_path')
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`files: ${error.message}`);
	if (!data) return null;
	return {
		id: data.id,
		name: data.name,
		fileName: data.file_name,
		mimeType: data.mime_type,
		size: data.size,
		pageCount: data.page_count,
		storagePath: data.storage_path
	};
}

/** Extracted text of every page, page n at index n - 1 (pages without a row are empty). */
export async function getFilePages(supabase: Client, id: string): Promise<string[]> {
	const { data, error } = await supabase
		.from('file_pages')
		.select('page_number, content')
		.eq('file_id', id)
		.order('page_number');
	if (error) throw new Error(`file_pages: ${error.message}`);
	const pages: string[] = [];
	for (const row of data) pages[row.page_number - 1] = row.content;
	return Array.from(pages, (text) => text ?? '');
}

/** Extracted text of pages `from`..`to` (inclusive), page n at index n - from. */
export async function getFilePageRange(
	supabase: Client,
	id: string,
	from: number,
	to: number
): Promise<string[]> {
	const { data, error } = await supabase
		.from('file_pages')
		.select('page_number, content')
		.eq('file_id', id)
		.gte('page_number', from)
		.lte('page_number', to)
		.order('page_number');
	if (error) throw new Error(`file_pages: ${error.message}`);
	const pages = Array.from({ length: to - from + 1 }, () => '');
	for (const row of data) pages[row.page_number - from] = row.content;
	return pages;
}

/**
 * A signed Storage URL for the caller, or null when Storage has no object they may read (missing
 * object or a policy that says no). With `download`, Storage answers as an attachment with that
 * file name.
 */
export async function signedFileUrl(
	supabase: Client,
	file: FileInfo,
	options: { download?: string } = {}
): Promise<string | null> {
	const { data, error } = await supabase.storage
		.from('files')
		.createSignedUrl(
			file.storagePath,
			SIGNED_URL_SECONDS,
			options.download ? { download: options.download } : undefined
		);
	if (error || !data) return null;
	return data.signedUrl;
}
