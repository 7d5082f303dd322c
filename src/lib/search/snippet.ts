// Snippets come from ts_headline with private-use characters around the matches (see the search
// migration), so they can be shown as text with <mark> parts and never as HTML.
export const markStart = '\uE000';
export const markEnd = '\uE001';

export interface SnippetPart {
	text: string;
	mark: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
	const parts: SnippetPart[] = [];
	let mark = false;
	let text = '';
	for (const ch of snippet) {
		if (ch === markStart || ch === markEnd) {
			if (text) parts.push({ text, mark });
			text = '';
			mark = ch === markStart;
		} else {
			text += ch;
		}
	}
	if (text) parts.push({ text, mark });
	return parts;
}

/** The snippet as plain text, for feeds and CSV. */
export function snippetText(snippet: string): string {
	return snippet.replaceAll(markStart, '').replaceAll(markEnd, '');
}
