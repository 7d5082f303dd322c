// Links within the council lists: one place decides which parameters survive a change.
export interface MeetingsState {
	zeit?: 'kommende' | 'vergangene';
	ansicht?: 'liste' | 'kalender';
	monat?: string;
	gremium?: string;
	seite?: number;
}

/** /meetings with only the parameters that differ from the defaults, in a stable order. */
export function meetingsHref(state: MeetingsState): string {
	const params = new URLSearchParams();
	if (state.ansicht === 'kalender') {
		params.set('ansicht', 'kalender');
		if (state.monat) params.set('monat', state.monat);
	} else {
		if (state.zeit === 'vergangene') params.set('zeit', 'vergangene');
		if (state.seite && state.seite > 1) params.set('seite', String(state.seite));
	}
	if (state.gremium) params.set('gremium', state.gremium);
	const search = params.toString();
	return search ? `/meetings?${search}` : '/meetings';
}

/** /papers with an optional type filter and page. */
export function papersHref(state: { typ?: string; seite?: number }): string {
	const params = new URLSearchParams();
	if (state.typ) params.set('typ', state.typ);
	if (state.seite && state.seite > 1) params.set('seite', String(state.seite));
	const search = params.toString();
	return search ? `/papers?${search}` : '/papers';
}
