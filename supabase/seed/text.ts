// Phrase pools for the demo city Rheinstadt (modelled on Düsseldorf, every name invented): districts
// and quarters, streets, people, parties, and the building blocks of papers and resolutions.
// Only characters the PDFs' standard fonts can print (WinAnsi) are used, umlauts and ß included.

export const CITY = 'Rheinstadt';

export interface District {
	number: number;
	name: string;
	quarters: string[];
	/** Centre of the district as [lng, lat]. */
	center: [number, number];
	postalCode: string;
	/** Address of the Bezirksverwaltungsstelle where the district council meets. */
	office: string;
}

export const DISTRICTS: District[] = [
	{
		number: 1,
		name: 'Mitte',
		quarters: ['Altstadt', 'Marktviertel', 'Hofgarten', 'Rheinufer'],
		center: [6.776, 51.226],
		postalCode: '40213',
		office: 'Marktplatz 2'
	},
	{
		number: 2,
		name: 'Lindenau',
		quarters: ['Lindenau', 'Kastanienhof', 'Ostpark'],
		center: [6.806, 51.232],
		postalCode: '40235',
		office: 'Lindenauer Allee 44'
	},
	{
		number: 3,
		name: 'Südhafen',
		quarters: ['Südhafen', 'Werftviertel', 'Mühlenkamp', 'Ziegelfeld'],
		center: [6.768, 51.196],
		postalCode: '40221',
		office: 'Werftstraße 7'
	},
	{
		number: 4,
		name: 'Linksrhein',
		quarters: ['Oberwiesen', 'Rheinbogen', 'Deichfeld', 'Heidenfeld'],
		center: [6.729, 51.236],
		postalCode: '40545',
		office: 'Deichstraße 19'
	},
	{
		number: 5,
		name: 'Nord',
		quarters: ['Nordheide', 'Waldrath', 'Angerbach', 'Schwanenhof'],
		center: [6.762, 51.291],
		postalCode: '40489',
		office: 'Heideweg 3'
	},
	{
		number: 6,
		name: 'Nordost',
		quarters: ['Eichenried', 'Tannenhöhe', 'Brachfeld'],
		center: [6.829, 51.271],
		postalCode: '40472',
		office: 'Eichenrieder Straße 120'
	},
	{
		number: 7,
		name: 'Ost',
		quarters: ['Rosenhang', 'Birkenau', 'Hügelland'],
		center: [6.861, 51.236],
		postalCode: '40629',
		office: 'Am Rosenhang 8'
	},
	{
		number: 8,
		name: 'Südost',
		quarters: ['Erlenbruch', 'Wiesenthal', 'Kirschfeld'],
		center: [6.842, 51.201],
		postalCode: '40231',
		office: 'Erlenbrucher Straße 55'
	},
	{
		number: 9,
		name: 'Süd',
		quarters: ['Auenwald', 'Bachtal', 'Sonnenfeld', 'Sankt Marien'],
		center: [6.829, 51.161],
		postalCode: '40597',
		office: 'Bachtalstraße 2'
	},
	{
		number: 10,
		name: 'Rheinheide',
		quarters: ['Gartenstadt Süd', 'Schlossau', 'Rheinheide'],
		center: [6.881, 51.131],
		postalCode: '40595',
		office: 'Schlossauer Platz 1'
	}
];

/** Streets take the feminine article, so templates can say "an der {street}". */
export const STREETS = [
	'Kölner Straße',
	'Bahnhofstraße',
	'Rheinuferstraße',
	'Lindenallee',
	'Hafenstraße',
	'Mühlenstraße',
	'Schillerstraße',
	'Marktstraße',
	'Deichstraße',
	'Werftstraße',
	'Gartenstraße',
	'Schulstraße',
	'Kaiserswerther Straße',
	'Eichendorffstraße',
	'Brückenstraße',
	'Kirchfeldstraße',
	'Heidestraße',
	'Friedrich-Ebert-Straße',
	'Ringstraße',
	'Talstraße',
	'Vennhauser Allee',
	'Bergstraße',
	'Wasserturmstraße',
	'Luisenstraße',
	'Uhlandstraße',
	'Ziegeleistraße',
	'Klosterstraße',
	'Parkstraße',
	'Industriestraße',
	'Rosenstraße'
];

/** The spelling without ß that older documents and motions often use ("Kölner Strasse"). */
export function withoutEszett(text: string): string {
	return text.replace(/straße/g, 'strasse').replace(/Straße/g, 'Strasse');
}

export const FEMALE_NAMES = (
	'Anna Maria Sabine Claudia Petra Julia Katharina Laura Miriam Fatma Elif Leonie Sophie ' +
	'Hannah Ursula Monika Birgit Stefanie Nadine Jana Lena Marta Agnieszka Ingrid Renate ' +
	'Christiane Heike Annika Franziska Carolin Nicole Tanja Derya Gabriele Helga Svenja'
).split(' ');

export const MALE_NAMES = (
	'Thomas Michael Andreas Stefan Markus Jürgen Klaus Peter Frank Uwe Jan Lukas Felix Tobias ' +
	'Mehmet Murat Piotr Dirk Ralf Holger Björn Sebastian Florian Matthias Christian Daniel ' +
	'Alexander Martin Wolfgang Hans-Peter Karl-Heinz Georg Yusuf Jonas Benedikt Rüdiger'
).split(' ');

export const FAMILY_NAMES = (
	'Müller Schmitz Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter ' +
	'Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hartmann Lange Schmitt ' +
	'Werner Krause Lehmann Köhler Jansen Küpper Hülsmann Özdemir Yildiz Kaya Nowak Kowalski ' +
	'Papadopoulos Rossi Engels Heinen Dahmen Wefers Terhorst Peters Kaiser Fuchs Scholz Jung ' +
	'Hahn Schubert Friedrich Keller Günther Berger Winkler Roth Beck Lorenz Baumann Albrecht ' +
	'Schuster Ludwig Böhm Winter Schumacher Krämer Stein Jäger Sommer Groß Seidel Brandt Haas ' +
	'Schreiber Dietrich Ziegler Kuhn Pohl Engel Horn Busch Bergmann Voigt Sauer Arnold ' +
	'Pfeiffer Thelen Esser Offermann Lambertz Görgens'
).split(' ');

export interface Party {
	key: string;
	name: string;
	short: string;
	seats: number;
}

/** Invented parties; seats in the council of 60 (plus the mayor, who chairs it). */
export const PARTIES: Party[] = [
	{ key: 'rbu', name: 'Rheinstädter Bürgerunion', short: 'RBU', seats: 18 },
	{ key: 'ssp', name: 'Soziale Stadtpartei', short: 'SSP', seats: 14 },
	{ key: 'ulr', name: 'Umweltliste Rheinstadt', short: 'ULR', seats: 13 },
	{ key: 'lmr', name: 'Liberale Mitte Rheinstadt', short: 'LMR', seats: 6 },
	{ key: 'lsr', name: 'Liste Solidarisches Rheinstadt', short: 'LSR', seats: 5 },
	{ key: 'ubl', name: 'Unabhängige Bürgerliste', short: 'UBL', seats: 4 }
];

export const SCHOOLS = [
	'Gemeinschaftsgrundschule Lindenau',
	'Städtisches Gymnasium am Hofgarten',
	'Gesamtschule Südhafen',
	'Katholische Grundschule Sankt Marien',
	'Realschule Eichenried',
	'Berufskolleg am Rheinbogen',
	'Grundschule an der Wasserturmstraße',
	'Förderschule Birkenau'
];

export const VENUES = [
	'Stadtmuseum Rheinstadt',
	'Schauspielhaus am Hofgarten',
	'Zentralbibliothek',
	'Kulturzentrum Alte Werft',
	'Musikschule Rheinstadt',
	'Theater im Kastanienhof'
];

export const PARKS = ['Ostpark', 'Rheinauen', 'Hofgarten', 'Volksgarten Süd', 'Stadtwald Waldrath'];

export const TRAM_LINES = ['U71', 'U73', 'U75', 'U79', '701', '706', '709'];

/** Placeholders filled by `fill`: {street} {quarter} {bv} {bplan} {school} {venue} {park} {line} {year}. */
export type Slots = Record<string, string>;

export function fill(template: string, slots: Slots): string {
	return template.replace(/\{(\w+)\}/g, (_, key: string) => {
		if (!(key in slots)) throw new Error(`no value for {${key}} in "${template}"`);
		return slots[key];
	});
}

export const OPENINGS = {
	opening: 'Eröffnung der Sitzung und Feststellung der Tagesordnung',
	minutes: 'Genehmigung der Niederschrift über die {n}. Sitzung',
	announcements: 'Mitteilungen der Verwaltung',
	questions: 'Anfragen',
	misc: 'Verschiedenes'
};

/** Non-public agenda items without a paper (Personal-, Grundstücks-, Vergabeangelegenheiten). */
export const CLOSED_ITEMS = [
	'Personalangelegenheit: Besetzung der Leitung des {amt}',
	'Grundstücksangelegenheit: Ankauf einer Teilfläche in {quarter}',
	'Vertragsangelegenheit: Nachtrag zum Mietvertrag {street}',
	'Vergabeangelegenheit: Rahmenvertrag Straßenunterhaltung {year}',
	'Mitteilungen der Verwaltung (nichtöffentlich)',
	'Rechtsangelegenheit: Stand des Klageverfahrens zum Bebauungsplan Nr. {bplan}',
	'Grundstücksangelegenheit: Ausübung eines Vorkaufsrechts an der {street}',
	'Städtebaulicher Vertrag {quarter}: Verhandlungsstand mit dem Vorhabenträger'
];

/** Non-public papers: land, contracts, awards, staff. Path = advising committees, then decider. */
export const CLOSED_PAPERS: {
	template: string;
	advisers: string[];
	decider: string;
	office: string;
}[] = [
	{
		template: 'Grundstücksangelegenheit: Verkauf einer Teilfläche an der {street}',
		advisers: ['awl'],
		decider: 'rat',
		office: 'amt23'
	},
	{
		template: 'Vergabe der Bauleistungen für die Schulsanierung {school}',
		advisers: [],
		decider: 'baua',
		office: 'amt40'
	},
	{
		template: 'Städtebaulicher Vertrag zum Bebauungsplan Nr. {bplan}: Verhandlungsergebnis',
		advisers: ['pla'],
		decider: 'rat',
		office: 'amt61'
	},
	{
		template: 'Ausübung des Vorkaufsrechts für ein Grundstück an der {street}',
		advisers: [],
		decider: 'pla',
		office: 'amt61'
	},
	{
		template: 'Personalangelegenheit: Stellenbesetzung in der Leitung des {amt}',
		advisers: [],
		decider: 'ha',
		office: 'ob'
	},
	{
		template: 'Erwerb eines Grundstücks in {quarter} für den Bau einer Kindertagesstätte',
		advisers: ['awl'],
		decider: 'rat',
		office: 'amt23'
	},
	{
		template: 'Vergleich im Rechtsstreit um die Erschließung der {street}',
		advisers: ['ha'],
		decider: 'rat',
		office: 'ob'
	},
	{
		template: 'Vergabe des Rahmenvertrags für Fahrbahnmarkierungen {year1}',
		advisers: [],
		decider: 'baua',
		office: 'amt66'
	}
];

export const AMTER = [
	'Stadtplanungsamtes',
	'Amtes für Verkehrsmanagement',
	'Umweltamtes',
	'Schulverwaltungsamtes',
	'Kulturamtes',
	'Liegenschaftsamtes'
];

export const SACHVERHALT_OPENERS = [
	'Die Verwaltung legt hiermit die Planung zum Vorhaben {subject} vor.',
	'Mit dieser Vorlage wird über den aktuellen Stand zum Thema {subject} berichtet.',
	'Anlass der Vorlage ist der Beschluss des Rates vom {date} zum Thema {subject}.',
	'Zum Vorhaben {subject} haben Bürgerinnen und Bürger, Fachämter und die Bezirksvertretung Hinweise gegeben, die in die Planung eingeflossen sind.'
];

/** Sentences for the Sachverhalt of a paper, by theme; every paper also draws from `allgemein`. */
export const SACHVERHALT = {
	allgemein: [
		'Die Maßnahme ist im Haushaltsplan veranschlagt; Fördermittel des Landes Nordrhein-Westfalen wurden beantragt.',
		'Die Bezirksvertretung wurde frühzeitig beteiligt und hat der Planung im Grundsatz zugestimmt.',
		'Im Rahmen der frühzeitigen Öffentlichkeitsbeteiligung sind 214 Stellungnahmen eingegangen, die überwiegend den Verkehr und die Grünflächen betreffen.',
		'Die Verwaltung hat die Vorschläge aus der Bürgerschaft geprüft und, soweit fachlich möglich, in die Planung übernommen.'
	],
	verkehr: [
		'Die Planung berücksichtigt die Belange des Fuß- und Radverkehrs sowie des öffentlichen Personennahverkehrs.',
		'Der Radverkehr auf der {street} hat in den letzten Jahren deutlich zugenommen; an Werktagen werden über 4.000 Radfahrende gezählt.',
		'Die Straße ist in einem schlechten baulichen Zustand, die Fahrbahndecke muss in Teilen erneuert werden.',
		'Im Umfeld der {street} fehlen sichere Querungsmöglichkeiten, insbesondere für Kinder auf dem Schulweg.',
		'Die Anzahl der Parkplätze an der {street} reduziert sich um 24; im Quartier stehen ausreichend Stellplätze in der Quartiersgarage zur Verfügung.',
		'Die Baumaßnahme soll abschnittsweise erfolgen, damit die Zufahrt zu den Geschäften und die Feuerwehrzufahrt jederzeit gewährleistet sind.'
	],
	stadtbahn: [
		'Die Stadtbahnhaltestelle wird barrierefrei ausgebaut; die Bahnsteige werden auf 90 Zentimeter angehoben.',
		'Mit der Maßnahme verkürzt sich die Fahrzeit in die Innenstadt um rund sieben Minuten.',
		'Die Rheinbahn als Verkehrsunternehmen hat die Planung mit der Verwaltung abgestimmt.'
	],
	bau: [
		'Der Bebauungsplan schafft die planungsrechtlichen Voraussetzungen für rund 350 Wohnungen, davon mindestens 30 Prozent öffentlich gefördert.',
		'Die bestehenden Bebauungspläne aus den 1970er Jahren entsprechen nicht mehr den heutigen Anforderungen an Klimaanpassung und Nachverdichtung.',
		'Die Entwässerung wird nach dem Prinzip der Schwammstadt geplant: Regenwasser versickert vor Ort in Baumrigolen und Mulden.',
		'Die Erschließung erfolgt über die {street}; ein Verkehrsgutachten bestätigt die Leistungsfähigkeit der Knotenpunkte.'
	],
	schule: [
		'Die Schulsanierung umfasst die energetische Ertüchtigung der Gebäudehülle, neue Fachräume und eine Mensa.',
		'Während der Bauzeit wird der Unterricht in Modulbauten auf dem Schulgelände fortgesetzt.',
		'Die Schülerzahlen im Einzugsbereich steigen nach der Schulentwicklungsplanung bis 2032 um rund zwölf Prozent.'
	],
	klima: [
		'Nach dem Klimaschutzkonzept soll Rheinstadt bis 2035 klimaneutral werden; dazu trägt die Maßnahme mit einer Einsparung von rund 1.200 Tonnen CO2 jährlich bei.',
		'Die Bäume entlang der Strasse bleiben erhalten; zusätzlich werden 18 klimaresiliente Straßenbäume gepflanzt.',
		'Entsiegelte Flächen und zusätzliche Bäume senken die Temperatur im Quartier an heißen Tagen spürbar.'
	]
};

export const FINANCE_SENTENCES = [
	'Die Gesamtkosten betragen voraussichtlich {amount} Euro.',
	'Die Mittel stehen im Haushaltsjahr {year} im Teilergebnisplan zur Verfügung.',
	'Es entstehen jährliche Folgekosten für Unterhaltung und Pflege in Höhe von rund {small} Euro.',
	'Die Finanzierung erfolgt zu 70 Prozent aus Fördermitteln des Bundes und des Landes.'
];

export const PROPOSALS = {
	Beschlussvorlage:
		'{Body} beschließt das Vorhaben {subject} gemäß der Darstellung in dieser Vorlage und beauftragt die Verwaltung mit der weiteren Umsetzung.',
	Antrag:
		'Die Verwaltung wird beauftragt, das Anliegen {subject} zu prüfen und dem zuständigen Gremium bis zum Ende des Jahres einen Umsetzungsvorschlag vorzulegen.',
	Anfrage:
		'Wir bitten die Verwaltung um schriftliche Beantwortung der folgenden Fragen zum Thema {subject}.',
	Mitteilungsvorlage: '{Body} nimmt den Bericht der Verwaltung zum Thema {subject} zur Kenntnis.',
	Änderungsantrag:
		'Der Beschlussvorschlag wird wie folgt ergänzt: Die Verwaltung legt vor Baubeginn ein Konzept für sichere Rad- und Fußwege vor.',
	Dringlichkeitsantrag:
		'Wegen der besonderen Eilbedürftigkeit wird beantragt, das Anliegen {subject} in der heutigen Sitzung zu behandeln.'
};

export const QUESTIONS = [
	'Wie viele Unfälle mit Beteiligung von Radfahrenden hat es in den letzten drei Jahren an der {street} gegeben?',
	'Bis wann ist mit dem Abschluss der Arbeiten zu rechnen?',
	'Welche Kosten sind bisher entstanden und wie hoch ist der Anteil der Fördermittel?',
	'Wie werden die Anwohnerinnen und Anwohner über den Fortgang informiert?',
	'Welche Alternativen wurden geprüft und warum wurden sie verworfen?'
];

export const RESOLUTIONS = {
	angenommen: '{Body} beschließt gemäß Beschlussvorschlag.',
	recommended: '{Body} empfiehlt {next}, gemäß Beschlussvorschlag zu beschließen.',
	recommendedChanged:
		'{Body} empfiehlt {next}, gemäß Beschlussvorschlag mit folgender Änderung zu beschließen: Die Verwaltung berichtet halbjährlich über den Fortgang der Maßnahme.',
	'geändert angenommen':
		'{Body} beschließt gemäß Beschlussvorschlag mit folgender Änderung: Die Verwaltung berichtet halbjährlich über den Fortgang der Maßnahme.',
	abgelehnt: '{Body} lehnt {what} ab.',
	vertagt: 'Die Angelegenheit wird auf Wunsch der Fraktionen in die nächste Sitzung vertagt.',
	'zur Kenntnis genommen': '{Body} nimmt die Ausführungen der Verwaltung zur Kenntnis.'
};

export const ATTACHMENT_NAMES = [
	'Lageplan',
	'Präsentation der Verwaltung',
	'Stellungnahme der Bezirksvertretung',
	'Kostenschätzung',
	'Verkehrsgutachten',
	'Fotodokumentation'
];
