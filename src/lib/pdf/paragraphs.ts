// Extracted PDF text keeps the PDF's line breaks. For reading as HTML, lines are joined into
// paragraphs again: a paragraph ends after a sentence-ending line or a short line (headings, list
// entries, letterheads); a word hyphenated at the line end is put back together.

const MIN_FULL_LINE = 50;

export function paragraphs(text: string): string[] {
	const result: string[] = [];
	let current = '';
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (!line) {
			if (current) result.push(current);
			current = '';
			continue;
		}
		if (!current) current = line;
		else if (/\p{Ll}-$/u.test(current) && /^\p{Ll}/u.test(line))
			current = current.slice(0, -1) + line;
		else current += ` ${line}`;
		if (/[.:;!?]$/.test(line) || line.length < MIN_FULL_LINE) {
			result.push(current);
			current = '';
		}
	}
	if (current) result.push(current);
	return result;
}
