// What the papers of Rheinstadt are about: per topic, the titles of each kind of paper and the path
// through the bodies (Beratungsfolge). Titles use the placeholders of `fill` in text.ts.

export interface Topic {
	key: string;
	/** Local matters go to the district council of the area first. */
	local: boolean;
	/** Alternative chains of advising committees (keys from council.ts), tried at random. */
	advisers: string[][];
	/** Deciding body: 'rat', a committee key, or 'bv' for the district council itself. */
	decider: string;
	/** Administration office in charge (Federführung). */
	office: string;
	/** Relative share of papers. */
	weight: number;
	/** Sentence pools (text.ts SACHVERHALT) for the papers' running text. */
	themes: ('verkehr' | 'stadtbahn' | 'bau' | 'schule' | 'klima')[];
	vorlagen: string[];
	antraege: string[];
	anfragen: string[];
	mitteilungen: string[];
}

export const TOPICS: Topic[] = [
	{
		key: 'bebauungsplan',
		local: true,
		advisers: [['pla'], ['pla', 'awm']],
		decider: 'rat',
		office: 'amt61',
		weight: 14,
		themes: ['bau'],
		vorlagen: [
			'Bebauungsplan Nr. {bplan} – {quarter}, {street} – Aufstellungsbeschluss',
			'Bebauungsplan Nr. {bplan} – {quarter}, {street} – Beschluss zur öffentlichen Auslegung',
			'Bebauungsplan Nr. {bplan} – {quarter}, {street} – Satzungsbeschluss',
			'Änderung der Bebauungspläne Nr. {bplan} und Nr. {bplan2} im Bereich {quarter}',
			'{n}. Änderung des Flächennutzungsplans im Bereich {quarter}'
		],
		antraege: [
			'Mehr geförderter Wohnungsbau im Bebauungsplan Nr. {bplan}',
			'Erhalt der Kleingärten an der {street}',
			'Bebauungspläne mit verbindlichen Vorgaben für Dachbegrünung'
		],
		anfragen: [
			'Stand der Bebauungspläne in {quarter}',
			'Verfahrensstand Bebauungsplan Nr. {bplan}'
		],
		mitteilungen: [
			'Sachstand der Bebauungsplanverfahren im Stadtbezirk {bv}',
			'Ergebnis der frühzeitigen Öffentlichkeitsbeteiligung zum Bebauungsplan Nr. {bplan}',
			'Bebauungsplan Nr. {bplan} – {quarter}: Auswertung der Stellungnahmen'
		]
	},
	{
		key: 'radverkehr',
		local: true,
		advisers: [[], []],
		decider: 'ova',
		office: 'amt66',
		weight: 12,
		themes: ['verkehr'],
		vorlagen: [
			'Radweg an der {street} – Ausführungsbeschluss',
			'Neue Fahrradstraße {street}',
			'Radverkehrskonzept für den Stadtbezirk {bv}',
			'Radhauptroute {quarter} – Innenstadt: Planungsbeschluss',
			'Fahrradabstellanlagen am Bahnhof {quarter}'
		],
		antraege: [
			'Geschützter Radfahrstreifen auf der {street}',
			'Mehr Fahrradbügel in {quarter}',
			'Radverkehr: Grüne Welle für Radfahrende auf der {street}'
		],
		anfragen: [
			'Sicherheit des Radverkehrs auf der {street}',
			'Winterdienst auf Radwegen im Stadtbezirk {bv}'
		],
		mitteilungen: [
			'Bericht zum Ausbau des Radverkehrsnetzes {year}',
			'Ergebnisse der Radverkehrszählung {year}',
			'Radverkehr im Stadtbezirk {bv}: Sachstand der Maßnahmen',
			'Baustelle an der {street}: Umleitung für den Radverkehr'
		]
	},
	{
		key: 'stadtbahn',
		local: true,
		advisers: [['ova'], ['ova', 'pla']],
		decider: 'rat',
		office: 'amt66',
		weight: 6,
		themes: ['stadtbahn', 'verkehr'],
		vorlagen: [
			'Stadtbahnlinie {line} – Verlängerung nach {quarter}: Vorplanung',
			'Barrierefreier Ausbau der Stadtbahnhaltestelle {street}',
			'Neue Buslinie zwischen {quarter} und {quarter2}'
		],
		antraege: [
			'Taktverdichtung der Linie {line} in den Abendstunden',
			'Überdachte Haltestellen in {quarter}'
		],
		anfragen: [
			'Verspätungen auf der Stadtbahnlinie {line}',
			'Barrierefreiheit der Haltestellen im Stadtbezirk {bv}'
		],
		mitteilungen: [
			'Sachstand Stadtbahnausbau Linie {line}',
			'Fahrgastzahlen im Nahverkehr {year}',
			'Ersatzverkehr während der Gleisarbeiten an der {street}'
		]
	},
	{
		key: 'schule',
		local: true,
		advisers: [['scha'], ['scha', 'baua']],
		decider: 'rat',
		office: 'amt40',
		weight: 8,
		themes: ['schule'],
		vorlagen: [
			'Schulsanierung {school}: Baubeschluss',
			'Erweiterung der {school} um sechs Klassenräume',
			'Schulentwicklungsplan {year}–{year5}',
			'Offener Ganztag: Ausbau der Plätze an Grundschulen im Stadtbezirk {bv}'
		],
		antraege: ['Sichere Schulwege rund um die {school}', 'Trinkwasserspender an allen Schulen'],
		anfragen: [
			'Sanierungsstau an Schulen im Stadtbezirk {bv}',
			'Stand der Schulsanierung {school}'
		],
		mitteilungen: [
			'Anmeldezahlen an weiterführenden Schulen {year}',
			'Sachstand Schulbauprogramm {year}',
			'Schulwegsicherung im Stadtbezirk {bv}',
			'Sachstand der Schulsanierung {school}'
		]
	},
	{
		key: 'klima',
		local: false,
		advisers: [['uwa'], ['uwa', 'pla']],
		decider: 'rat',
		office: 'amt19',
		weight: 7,
		themes: ['klima'],
		vorlagen: [
			'Klimaschutzkonzept Rheinstadt 2035 – Fortschreibung {year}',
			'Photovoltaik auf städtischen Dächern – Ausbauprogramm {year}',
			'Hitzeaktionsplan für Rheinstadt',
			'Kommunale Wärmeplanung – Beschluss des Wärmeplans',
			'Klimaanpassung in {quarter}: Entsiegelung von Schulhöfen'
		],
		antraege: ['Klimaschutz-Check für alle Beschlussvorlagen', 'Mehr Straßenbäume in {quarter}'],
		anfragen: [
			'CO2-Bilanz der städtischen Gebäude',
			'Stand der kommunalen Wärmeplanung',
			'Photovoltaik auf Schulen im Stadtbezirk {bv}'
		],
		mitteilungen: [
			'Klimaschutzbericht {year}',
			'Sachstand Hitzeschutz im Sommer {year}',
			'Klimaanpassung im Stadtbezirk {bv}: Sachstand'
		]
	},
	{
		key: 'haushalt',
		local: false,
		advisers: [['fia'], ['fia', 'ha']],
		decider: 'rat',
		office: 'amt20',
		weight: 5,
		themes: [],
		vorlagen: [
			'Überplanmäßige Aufwendungen für die Unterhaltung von Straßen {year}',
			'Bewirtschaftungsverfügung zum Haushalt {year}',
			'Gebührensatzung Abfallentsorgung {year1}',
			'Bürgschaft für die Stadtwerke Rheinstadt GmbH'
		],
		antraege: [
			'Haushaltsbegleitantrag: Sanierung von Sportstätten',
			'Haushaltsbegleitantrag: mehr Personal für den Radverkehr'
		],
		anfragen: [
			'Entwicklung der Gewerbesteuereinnahmen',
			'Kosten externer Gutachten {year}',
			'Verwendung der Bezirksmittel im Stadtbezirk {bv}'
		],
		mitteilungen: [
			'Finanzbericht zum 30.06.{year}',
			'Beteiligungsbericht {yearPrev}',
			'Haushaltsmittel des Stadtbezirks {bv}: Verwendungsnachweis {yearPrev}'
		]
	},
	{
		key: 'kultur',
		local: false,
		advisers: [[], ['fia']],
		decider: 'kua',
		office: 'amt41',
		weight: 4,
		themes: [],
		vorlagen: [
			'Zuschuss {year1}: {venue}',
			'Sanierung {venue}: Planungsbeschluss',
			'Kulturförderrichtlinie – Neufassung',
			'Ankauf von Kunstwerken für die städtische Sammlung'
		],
		antraege: [
			'Freier Eintritt in städtische Museen am ersten Sonntag im Monat',
			'Proberäume für junge Bands in {quarter}'
		],
		anfragen: ['Besucherzahlen: {venue}', 'Barrierefreiheit: {venue}'],
		mitteilungen: [
			'Jahresbericht {year}: {venue}',
			'Programm {year1}: {venue}',
			'Programm der Kulturnacht {year}'
		]
	},
	{
		key: 'wohnen',
		local: false,
		advisers: [['awm'], ['awm', 'pla']],
		decider: 'rat',
		office: 'amt61',
		weight: 5,
		themes: ['bau'],
		vorlagen: [
			'Handlungskonzept Wohnen – Fortschreibung {year}',
			'Wohnungsbau an der {street}: Vergabe des Grundstücks im Konzeptverfahren',
			'Zweckentfremdungssatzung – Verlängerung',
			'Milieuschutzsatzung für {quarter}'
		],
		antraege: ['Mehr geförderter Wohnraum für Studierende', 'Leerstandskataster für Rheinstadt'],
		anfragen: ['Entwicklung der Mieten in {quarter}', 'Leerstehende Wohnungen an der {street}'],
		mitteilungen: ['Wohnungsmarktbericht {year}', 'Wohnungsbauprojekte im Stadtbezirk {bv}']
	},
	{
		key: 'jugend',
		local: false,
		advisers: [[]],
		decider: 'jha',
		office: 'amt51',
		weight: 4,
		themes: [],
		vorlagen: [
			'Kita-Bedarfsplanung {year}/{year1}',
			'Neubau der Kindertagesstätte an der {street}',
			'Jugendfreizeiteinrichtung {quarter}: Trägerwechsel'
		],
		antraege: ['Mehr Spielplätze in {quarter}'],
		anfragen: ['Fehlende Kita-Plätze im Stadtbezirk {bv}'],
		mitteilungen: [
			'Bericht der Jugendhilfeplanung {year}',
			'Spielplatzbedarfsplanung für den Stadtbezirk {bv}'
		]
	},
	{
		key: 'sport',
		local: true,
		advisers: [[]],
		decider: 'spa',
		office: 'amt52',
		weight: 3,
		themes: [],
		vorlagen: [
			'Kunstrasenplatz {quarter}: Umwandlung des Tennenplatzes',
			'Sanierung des Hallenbads {quarter}',
			'Sportstättenentwicklungsplan {year}'
		],
		antraege: ['Öffnung der Schulhöfe für Freizeitsport in {quarter}'],
		anfragen: ['Zustand der Sporthallen im Stadtbezirk {bv}'],
		mitteilungen: ['Bäderkonzept – Sachstand {year}', 'Sanierung der Sporthalle an der {street}']
	},
	{
		key: 'soziales',
		local: false,
		advisers: [['ags']],
		decider: 'rat',
		office: 'amt50',
		weight: 4,
		themes: [],
		vorlagen: [
			'Unterbringung geflüchteter Menschen – Standort {street}',
			'Seniorenbegegnungsstätte {quarter}',
			'Aktionsplan Inklusion {year}–{year5}'
		],
		antraege: ['Kältebus für wohnungslose Menschen'],
		anfragen: ['Wartezeiten im Bürgerbüro {quarter}'],
		mitteilungen: ['Sozialbericht {year}', 'Quartiersmanagement {quarter}: Jahresbericht {year}']
	},
	{
		key: 'digital',
		local: false,
		advisers: [['ado']],
		decider: 'ha',
		office: 'ob',
		weight: 2,
		themes: [],
		vorlagen: [
			'Digitalstrategie der Stadtverwaltung',
			'Einführung der elektronischen Akte',
			'Offene Daten: Ratsinformationen im OParl-Format'
		],
		antraege: ['Kostenloses WLAN in {quarter}'],
		anfragen: [
			'Online-Terminvergabe in den Bürgerbüros',
			'Ausfall der Terminvergabe im Bürgerbüro {quarter}'
		],
		mitteilungen: [
			'Sachstand Digitalisierung der Schulen {year}',
			'Digitale Bürgerdienste im Bürgerbüro {quarter}'
		]
	},
	{
		key: 'verkehr',
		local: true,
		advisers: [[]],
		decider: 'ova',
		office: 'amt66',
		weight: 10,
		themes: ['verkehr'],
		vorlagen: [
			'Tempo 30 auf der {street}',
			'Parkraumbewirtschaftung in {quarter}',
			'Querungshilfe an der {street}',
			'Umgestaltung des Platzes an der {street}',
			'Verkehrsberuhigung im Wohngebiet {quarter}'
		],
		antraege: ['Zebrastreifen an der {street}', 'Anwohnerparken in {quarter}'],
		anfragen: ['Lkw-Durchgangsverkehr auf der {street}', 'Falschparken auf Gehwegen in {quarter}'],
		mitteilungen: [
			'Verkehrsentwicklungsplan – Zwischenbericht {year}',
			'Baustellenkoordination {year}',
			'Baustellen im Stadtbezirk {bv} im Jahr {year1}',
			'Verkehrsversuch an der {street}: Auswertung'
		]
	},
	{
		key: 'gruen',
		local: true,
		advisers: [[]],
		decider: 'uwa',
		office: 'amt19',
		weight: 6,
		themes: ['klima'],
		vorlagen: [
			'Neugestaltung des Parks {park}',
			'Baumpflanzprogramm {year} im Stadtbezirk {bv}',
			'Spielplatz an der {street}: Erneuerung',
			'Friedhofsentwicklungsplan'
		],
		antraege: ['Blühwiesen statt Rasen in {quarter}', 'Trinkbrunnen im Park {park}'],
		anfragen: ['Baumfällungen an der {street}'],
		mitteilungen: [
			'Straßenbaumkataster {year}',
			'Baumfällungen und Nachpflanzungen im Stadtbezirk {bv}',
			'Zustand der Grünanlagen in {quarter}'
		]
	},
	{
		key: 'wirtschaft',
		local: false,
		advisers: [['awl']],
		decider: 'rat',
		office: 'amt23',
		weight: 3,
		themes: [],
		vorlagen: [
			'Gewerbegebiet {quarter}: Vermarktung der Flächen',
			'Wochenmarkt in {quarter}: neue Marktsatzung',
			'Innenstadtkonzept: Leerstand in der Altstadt'
		],
		antraege: ['Verkaufsoffene Sonntage {year1}'],
		anfragen: ['Ansiedlungen im Gewerbegebiet {quarter}'],
		mitteilungen: [
			'Wirtschaftsbericht {year}',
			'Leerstand in der Einkaufsstraße {quarter}: Bericht'
		]
	}
];
