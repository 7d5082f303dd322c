// The reader's address: `?q=` for the search term and `#page=N` for the page, so the address bar
// can always be copied as a deep link to what is on screen.
export function readerAddress(
	location: { pathname: string; search: string },
	term: string,
	page: number
): string {
	const params = new URLSearchParams(location.search);
	if (term.trim()) params.set('q', term.trim());
	else params.delete('q');
	const search = params.size ? `?${params}` : '';
	return `${location.pathname}${search}#page=${page}`;
}
