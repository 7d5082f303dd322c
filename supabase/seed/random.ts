// Seeded randomness for the demo data: the same seed always gives the same city, ids included.
// mulberry32 is tiny, fast and good enough for picking names and dates (not for anything secret).

export interface Random {
	/** Uniform float in [0, 1). */
	next(): number;
	/** Uniform integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** Picks by weight: `[[value, weight], …]`. */
	weighted<T>(entries: readonly (readonly [T, number])[]): T;
	/** A shuffled copy. */
	shuffle<T>(items: readonly T[]): T[];
	/** `count` distinct items in random order. */
	sample<T>(items: readonly T[], count: number): T[];
	/** A UUID in version-4 format, drawn from this generator. */
	uuid(): string;
	/** An independent generator from this one's seed and a label: unaffected by other draws. */
	fork(label: string): Random;
}

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a: turns a label into a 32-bit seed. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

const HEX = '0123456789abcdef';

export function createRandom(seed: number): Random {
	const next = mulberry32(seed);
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const random: Random = {
		next,
		int,
		chance: (probability) => next() < probability,
		pick: (items) => {
			if (items.length === 0) throw new Error('pick from an empty list');
			return items[Math.floor(next() * items.length)];
		},
		weighted: (entries) => {
			const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
			let r = next() * total;
			for (const [value, weight] of entries) {
				r -= weight;
				if (r < 0) return value;
			}
			return entries[entries.length - 1][0];
		},
		shuffle: (items) => {
			const copy = [...items];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[copy[i], copy[j]] = [copy[j], copy[i]];
			}
			return copy;
		},
		sample: (items, count) => random.shuffle(items).slice(0, count),
		uuid: () => {
			let hex = '';
			for (let i = 0; i < 32; i++) hex += HEX[Math.floor(next() * 16)];
			// Version 4, RFC 4122 variant: what gen_random_uuid() would produce.
			const variant = HEX[8 + Math.floor(next() * 4)];
			return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
		},
		fork: (label) => createRandom(hashString(`${seed}:${label}`))
	};
	return random;
}
