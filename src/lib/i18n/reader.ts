import { defineMessages } from './index';

export default defineMessages({
	de: {
		badFileId: 'Die Dokumentnummer in der Adresse ist ungültig.',
		badPageNumber: 'Die Seitenzahl muss eine ganze Zahl ab 1 sein.',
		termTooLong: 'Der Suchbegriff ist zu lang (höchstens 200 Zeichen).',
		fileNotFound: 'Dieses Dokument gibt es nicht oder es ist nicht öffentlich.',
		pageNotFound: (page: number, count: number) =>
			`Seite ${page} gibt es in diesem Dokument nicht; es hat ${count} Seiten.`,
		document: 'Dokument',
		pages: (n: number) => (n === 1 ? '1 Seite' : `${n} Seiten`),
		download: 'Herunterladen',
		downloadLabel: (name: string) => `${name} herunterladen (PDF)`,
		textVersion: 'Textfassung',
		textVersionHint:
			'Der aus dem PDF gelesene Text, Seite für Seite. Tabellen und Bilder fehlen hier; maßgeblich ist das PDF.',
		pageHeading: (n: number) => `Seite ${n}`,
		emptyPage: 'Auf dieser Seite wurde kein Text erkannt.',
		noText: 'Für dieses Dokument liegt keine Textfassung vor. Bitte laden Sie das PDF herunter.',
		textVersionLink: 'Textfassung',
		textVersionLabel: (name: string) => `Textfassung von ${name} (ohne PDF, Seite für Seite)`,
		noScript:
			'Die PDF-Ansicht braucht JavaScript. Lesen Sie die Textfassung oder laden Sie die Datei herunter.',
		textTitle: (name: string, from: number, to: number) =>
			from === to
				? `${name}, Seite ${from} – Textfassung`
				: `${name}, Seiten ${from}–${to} – Textfassung`,
		pdfView: 'PDF-Ansicht',
		shownPages: (from: number, to: number, total: number) =>
			from === to ? `Seite ${from} von ${total}` : `Seiten ${from}–${to} von ${total}`,
		textNav: (where: string) => `Blättern in der Textfassung (${where})`,
		top: 'oben',
		bottom: 'unten',
		previousPages: 'Vorherige Seiten',
		nextPages: 'Weitere Seiten',
		goToPage: 'Ab Seite',
		show: 'Anzeigen',
		textSearch: 'In der Textfassung suchen',
		hitPages: (term: string, pages: number, hits: number) =>
			`„${term}“ kommt ${hits === 1 ? 'einmal' : `${hits}-mal`} vor, auf ${pages === 1 ? 'einer Seite' : `${pages} Seiten`}:`,
		noHitsFor: (term: string) => `„${term}“ kommt in diesem Dokument nicht vor.`,
		hitsPageLink: (n: number, hits: number) =>
			`Seite ${n} (${hits === 1 ? '1 Treffer' : `${hits} Treffer`})`,
		textLoading: 'Der Text wird geladen …',
		textFailed: 'Der Text für die Suche konnte nicht geladen werden. Bitte erneut suchen.',
		reader: 'PDF-Ansicht',
		toolbar: 'Werkzeuge der PDF-Ansicht',
		loading: 'Das PDF wird geladen …',
		missing:
			'Die PDF-Datei ist gerade nicht verfügbar. Versuchen Sie es über „Herunterladen“; den gelesenen Text finden Sie, soweit vorhanden, in der Textfassung.',
		corrupt:
			'Dieses PDF ist beschädigt und kann hier nicht angezeigt werden. Laden Sie die Datei herunter oder nutzen Sie die Textfassung.',
		failed:
			'Das PDF konnte nicht geladen werden (Netzwerkfehler). Laden Sie die Seite neu oder laden Sie die Datei herunter.',
		previousPage: 'Vorherige Seite',
		nextPage: 'Nächste Seite',
		pageInput: 'Seite',
		ofPages: (n: number) => `von ${n}`,
		zoomIn: 'Vergrößern',
		zoomOut: 'Verkleinern',
		zoomLevel: 'Zoomstufe',
		fitWidth: 'Seitenbreite',
		fitPage: 'Ganze Seite',
		search: 'Im Dokument suchen',
		searchPlaceholder: 'Suchbegriff',
		searchSubmit: 'Suchen',
		previousHit: 'Vorheriger Treffer',
		nextHit: 'Nächster Treffer',
		hitCount: (current: number, total: number) =>
			total === 0 ? 'Keine Treffer' : `Treffer ${current} von ${total}`,
		pageList: 'Seiten',
		pageListLabel: 'Seitenübersicht',
		hitsOnPage: (n: number) => (n === 1 ? '1 Treffer' : `${n} Treffer`),
		pageStatus: (n: number, total: number) => `Seite ${n} von ${total}`,
		keyboardHint:
			'Tastatur: Bild auf/ab oder Pfeiltasten blättern, Pos1/Ende springen zur ersten/letzten Seite, Strg+F sucht.'
	},
	en: {
		badFileId: 'The document number in the address is not valid.',
		badPageNumber: 'The page number must be a whole number from 1.',
		termTooLong: 'The search term is too long (200 characters at most).',
		fileNotFound: 'This document does not exist or is not public.',
		pageNotFound: (page: number, count: number) =>
			`This document has no page ${page}; it has ${count} pages.`,
		document: 'Document',
		pages: (n: number) => (n === 1 ? '1 page' : `${n} pages`),
		download: 'Download',
		downloadLabel: (name: string) => `Download ${name} (PDF)`,
		textVersion: 'Text version',
		textVersionHint:
			'The text read from the PDF, page by page. Tables and images are missing here; the PDF is authoritative.',
		pageHeading: (n: number) => `Page ${n}`,
		emptyPage: 'No text was found on this page.',
		noText: 'There is no text version of this document. Please download the PDF.',
		textVersionLink: 'Text version',
		textVersionLabel: (name: string) => `Text version of ${name} (without PDF, page by page)`,
		noScript: 'The PDF view needs JavaScript. Read the text version or download the file.',
		textTitle: (name: string, from: number, to: number) =>
			from === to
				? `${name}, page ${from} – text version`
				: `${name}, pages ${from}–${to} – text version`,
		pdfView: 'PDF view',
		shownPages: (from: number, to: number, total: number) =>
			from === to ? `Page ${from} of ${total}` : `Pages ${from}–${to} of ${total}`,
		textNav: (where: string) => `Browse the text version (${where})`,
		top: 'top',
		bottom: 'bottom',
		previousPages: 'Previous pages',
		nextPages: 'More pages',
		goToPage: 'From page',
		show: 'Show',
		textSearch: 'Search the text version',
		hitPages: (term: string, pages: number, hits: number) =>
			`“${term}” occurs ${hits === 1 ? 'once' : `${hits} times`}, on ${pages === 1 ? 'one page' : `${pages} pages`}:`,
		noHitsFor: (term: string) => `“${term}” does not occur in this document.`,
		hitsPageLink: (n: number, hits: number) =>
			`Page ${n} (${hits === 1 ? '1 hit' : `${hits} hits`})`,
		textLoading: 'Loading the text …',
		textFailed: 'The text for the search could not be loaded. Please search again.',
		reader: 'PDF view',
		toolbar: 'PDF view tools',
		loading: 'Loading the PDF …',
		missing:
			'The PDF file is not available right now. Try “Download”; the text read from it, where there is any, is in the text version.',
		corrupt:
			'This PDF is damaged and cannot be shown here. Download the file or use the text version.',
		failed: 'The PDF could not be loaded (network error). Reload the page or download the file.',
		previousPage: 'Previous page',
		nextPage: 'Next page',
		pageInput: 'Page',
		ofPages: (n: number) => `of ${n}`,
		zoomIn: 'Zoom in',
		zoomOut: 'Zoom out',
		zoomLevel: 'Zoom level',
		fitWidth: 'Fit width',
		fitPage: 'Fit page',
		search: 'Search in document',
		searchPlaceholder: 'Search term',
		searchSubmit: 'Search',
		previousHit: 'Previous hit',
		nextHit: 'Next hit',
		hitCount: (current: number, total: number) =>
			total === 0 ? 'No hits' : `Hit ${current} of ${total}`,
		pageList: 'Pages',
		pageListLabel: 'Page overview',
		hitsOnPage: (n: number) => (n === 1 ? '1 hit' : `${n} hits`),
		pageStatus: (n: number, total: number) => `Page ${n} of ${total}`,
		keyboardHint:
			'Keyboard: Page Up/Down or arrow keys turn pages, Home/End jump to the first/last page, Ctrl+F searches.'
	}
});
