import { describe, expect, it } from 'vitest';
import { paragraphs } from './paragraphs';

describe('paragraphs from extracted page text', () => {
	it('joins wrapped lines and ends paragraphs at sentence ends and short lines', () => {
		const text = [
			'Sachverhalt',
			'Anlass der Vorlage ist der Beschluss des Rates vom 05.09.2025 zum Thema Rad-',
			'wege und Grünflächen im Stadtbezirk 3, die in der Planung berücksichtigt',
			'werden.',
			'',
			'Seite 1 von 3'
		].join('\n');
		expect(paragraphs(text)).toEqual([
			'Sachverhalt',
			'Anlass der Vorlage ist der Beschluss des Rates vom 05.09.2025 zum Thema Radwege und Grünflächen im Stadtbezirk 3, die in der Planung berücksichtigt werden.',
			'Seite 1 von 3'
		]);
	});

	it('keeps hyphens before capitals and returns nothing for empty text', () => {
		expect(
			paragraphs(
				'Die Verbindung zwischen Nord- und Süd-Achse wird im Zuge der Planung der Nord-\nSüd-Trasse geprüft.'
			)
		).toEqual([
			'Die Verbindung zwischen Nord- und Süd-Achse wird im Zuge der Planung der Nord- Süd-Trasse geprüft.'
		]);
		expect(paragraphs('  \n ')).toEqual([]);
	});
});
