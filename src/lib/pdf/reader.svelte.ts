// What the reader shows: page, zoom and search position. Pure state, no pdf.js, so the rules for
// paging, zooming and hopping between hits are testable on their own.
import { findHits, firstHitFrom, hitsPerPage, normaliseTerm, type Hit } from './search';

export type Zoom = 'width' | 'page' | number;

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** The page of a deep link (`#page=12`), or null. */
export function pageFromHash(hash: string): number | null {
	const match = /^#page=(\d{1,6})$/.exec(hash);
	return match ? Number(match[1]) : null;
}

/** Loads the extracted text of every page, page n at index n - 1. */
export type TextLoader = () => Promise<readonly string[]>;

export class ReaderState {
	pageNumber = $state(1);
	pageCount = $state(1);
	zoom = $state<Zoom>('width');
	/** The scale the shown page is drawn at, whatever the zoom mode. */
	scale = $state(1);
	term = $state('');
	hitIndex = $state(-1);
	/** The page texts that search works on: fetched on first use, not with the page. */
	pages = $state.raw<readonly string[] | null>(null);
	text = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');

	readonly hits: Hit[] = $derived(this.pages ? findHits(this.pages, this.term) : []);
	readonly hitCounts = $derived(hitsPerPage(this.hits));
	readonly needle = $derived(normaliseTerm(this.term));
	readonly #loadText: TextLoader;
	#loading: Promise<void> | null = null;

	constructor(pageCount: number, loadText: TextLoader) {
		this.pageCount = Math.max(1, pageCount);
		this.#loadText = loadText;
	}

	/** Fetches the page texts once; a failed fetch may be retried by the next search. */
	loadText = (): Promise<void> => {
		this.#loading ??= (async () => {
			this.text = 'loading';
			try {
				this.pages = await this.#loadText();
				this.text = 'ready';
			} catch {
				this.text = 'failed';
				this.#loading = null;
			}
		})();
		return this.#loading;
	};

	goTo(page: number) {
		if (!Number.isFinite(page)) return;
		this.pageNumber = Math.min(this.pageCount, Math.max(1, Math.round(page)));
	}
	next = () => this.goTo(this.pageNumber + 1);
	previous = () => this.goTo(this.pageNumber - 1);
	first = () => this.goTo(1);
	last = () => this.goTo(this.pageCount);

	/** The occurrence to mark as current on the shown page, or -1. */
	get currentOccurrence(): number {
		const hit = this.hits[this.hitIndex];
		return hit && hit.page === this.pageNumber ? hit.occurrence : -1;
	}

	/**
	 * Starts a search: the first hit on or after the shown page becomes current. The first search
	 * waits for the page texts; a newer search started meanwhile wins.
	 */
	async search(term: string, fromPage = this.pageNumber) {
		this.term = term;
		this.hitIndex = -1;
		if (!normaliseTerm(term)) return;
		if (!this.pages) await this.loadText();
		if (this.term !== term || !this.pages) return;
		this.hitIndex = this.hits.length ? firstHitFrom(this.hits, fromPage) : -1;
		if (this.hitIndex >= 0) this.goTo(this.hits[this.hitIndex].page);
	}

	nextHit = () => this.#stepHit(1);
	previousHit = () => this.#stepHit(-1);

	#stepHit(step: 1 | -1) {
		const count = this.hits.length;
		if (count === 0) return;
		const current = this.hits[this.hitIndex];
		if (current && current.page === this.pageNumber) {
			this.hitIndex = (this.hitIndex + step + count) % count;
		} else if (step === 1) {
			// After paging away from the hit, continue from the page the reader is on.
			this.hitIndex = firstHitFrom(this.hits, this.pageNumber + 1);
		} else {
			const before = this.hits.findLastIndex((hit) => hit.page < this.pageNumber);
			this.hitIndex = before === -1 ? count - 1 : before;
		}
		this.goTo(this.hits[this.hitIndex].page);
	}

	zoomIn = () => {
		this.zoom = ZOOM_STEPS.find((step) => step > this.scale + 0.01) ?? ZOOM_STEPS.at(-1)!;
	};
	zoomOut = () => {
		this.zoom = ZOOM_STEPS.findLast((step) => step < this.scale - 0.01) ?? ZOOM_STEPS[0];
	};
}

/** The scale for a zoom mode, given the page's size at scale 1 and the room available. */
export function scaleFor(
	zoom: Zoom,
	page: { width: number; height: number },
	room: { width: number; height: number }
): number {
	if (typeof zoom === 'number') return zoom;
	const byWidth = room.width / page.width;
	const scale = zoom === 'width' ? byWidth : Math.min(byWidth, room.height / page.height);
	return Math.max(0.25, Math.min(4, scale));
}
