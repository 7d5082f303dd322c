// The ~25 projects of the demo city: what, where, how far, and the papers that decided them.
import type { TablesInsert } from '../../src/lib/database.types.ts';
import type { PaperType } from './papers.ts';

export type Status = TablesInsert<'projects'>['status'] & string;
export type Shape = 'Point' | 'LineString' | 'Polygon';

export interface ProjectDef {
	slug: string;
	title: string;
	kind: 'building' | 'traffic';
	status: Status;
	district: number;
	shape: Shape;
	moderation: 'pre' | 'post';
	topic: string;
	summary: string;
	papers: [PaperType, string][];
	/** Unpublished draft (null) or publication scheduled in the future. */
	draft?: 'null' | 'future';
	/** Planning projects: whether a participation phase is already scheduled. */
	laterParticipation?: boolean;
}

const P = (
	slug: string,
	title: string,
	kind: ProjectDef['kind'],
	status: Status,
	district: number,
	shape: Shape,
	moderation: ProjectDef['moderation'],
	topic: string,
	summary: string,
	papers: [PaperType, string][],
	extra: Partial<ProjectDef> = {}
): ProjectDef => ({
	slug,
	title,
	kind,
	status,
	district,
	shape,
	moderation,
	topic,
	summary,
	papers,
	...extra
});

export const PROJECTS: ProjectDef[] = [
	P(
		'radweg-koelner-strasse',
		'Radweg Kölner Straße',
		'traffic',
		'participation',
		3,
		'LineString',
		'post',
		'radverkehr',
		'Ein durchgehender, baulich getrennter Radweg an der Kölner Straße zwischen Südhafen und Innenstadt.',
		[
			[
				'Beschlussvorlage',
				'Radweg an der Kölner Straße – Vorplanung und Beginn der Bürgerbeteiligung'
			],
			['Antrag', 'Geschützter Radfahrstreifen auf der Kölner Strasse']
		]
	),
	P(
		'bebauungsplan-hafenkante-sued',
		'Bebauungsplan Nr. 5712/034 – Hafenkante Süd',
		'building',
		'participation',
		3,
		'Polygon',
		'pre',
		'bebauungsplan',
		'Auf dem ehemaligen Werftgelände sollen rund 600 Wohnungen, eine Grundschule und ein Uferpark entstehen.',
		[
			[
				'Beschlussvorlage',
				'Bebauungsplan Nr. 5712/034 – Werftviertel, Hafenstraße – Aufstellungsbeschluss'
			],
			[
				'Beschlussvorlage',
				'Bebauungsplan Nr. 5712/034 – Werftviertel, Hafenstraße – frühzeitige Öffentlichkeitsbeteiligung'
			]
		]
	),
	P(
		'stadtbahn-u79-nordheide',
		'Verlängerung der Stadtbahnlinie U79 nach Nordheide',
		'traffic',
		'participation',
		5,
		'LineString',
		'post',
		'stadtbahn',
		'Die Stadtbahn soll um drei Haltestellen bis zum Schulzentrum Nordheide verlängert werden.',
		[
			['Beschlussvorlage', 'Stadtbahnlinie U79 – Verlängerung nach Nordheide: Vorplanung'],
			['Mitteilungsvorlage', 'Sachstand Stadtbahnausbau Linie U79']
		]
	),
	P(
		'wohnquartier-lindenau-ost',
		'Neues Wohnquartier Lindenau-Ost',
		'building',
		'participation',
		2,
		'Polygon',
		'pre',
		'bebauungsplan',
		'Ein autoarmes Quartier mit 450 Wohnungen, Kita und Quartiersplatz auf einer ehemaligen Gewerbefläche.',
		[
			[
				'Beschlussvorlage',
				'Bebauungsplan Nr. 5803/011 – Lindenau, Lindenallee – Aufstellungsbeschluss'
			],
			['Antrag', 'Mehr geförderter Wohnungsbau im Bebauungsplan Nr. 5803/011']
		]
	),
	P(
		'fahrradstrasse-luisenstrasse',
		'Fahrradstraße Luisenstraße',
		'traffic',
		'participation',
		1,
		'LineString',
		'post',
		'radverkehr',
		'Die Luisenstraße wird Fahrradstraße: Radverkehr hat Vorrang, Autos dürfen als Anlieger fahren.',
		[['Beschlussvorlage', 'Neue Fahrradstraße Luisenstraße']]
	),
	P(
		'schulcampus-eichenried',
		'Schulcampus Eichenried',
		'building',
		'participation',
		6,
		'Point',
		'post',
		'schule',
		'Realschule und Grundschule erhalten einen gemeinsamen Campus mit Sporthalle und offener Bibliothek.',
		[
			[
				'Beschlussvorlage',
				'Schulsanierung Realschule Eichenried: Planungsbeschluss für den Schulcampus'
			]
		]
	),
	P(
		'platz-an-der-wasserturmstrasse',
		'Umgestaltung des Platzes an der Wasserturmstraße',
		'building',
		'participation',
		8,
		'Polygon',
		'pre',
		'verkehr',
		'Mehr Grün, Sitzgelegenheiten und ein Wasserspiel statt Parkplätzen.',
		[['Beschlussvorlage', 'Umgestaltung des Platzes an der Wasserturmstraße']]
	),
	P(
		'rheinuferpromenade-sued',
		'Rheinuferpromenade Süd',
		'building',
		'planning',
		9,
		'LineString',
		'post',
		'gruen',
		'Die Promenade wird bis Auenwald verlängert, mit Radweg, Bäumen und Zugängen zum Wasser.',
		[['Mitteilungsvorlage', 'Rheinuferpromenade Süd – Ergebnis der Machbarkeitsstudie']],
		{ laterParticipation: true }
	),
	P(
		'mobilstation-bahnhof-waldrath',
		'Mobilstation Bahnhof Waldrath',
		'traffic',
		'planning',
		5,
		'Point',
		'post',
		'verkehr',
		'Fahrradparkhaus, Carsharing und Leihräder am Bahnhof Waldrath.',
		[['Beschlussvorlage', 'Mobilstation am Bahnhof Waldrath: Planungsauftrag']]
	),
	P(
		'gewerbegebiet-brachfeld',
		'Bebauungsplan Nr. 6120/008 – Gewerbegebiet Brachfeld',
		'building',
		'planning',
		6,
		'Polygon',
		'pre',
		'bebauungsplan',
		'Neue Flächen für Handwerk und Gewerbe am Rand von Brachfeld.',
		[],
		{ draft: 'null' }
	),
	P(
		'tempo-30-rosenhang',
		'Tempo-30-Zone Rosenhang',
		'traffic',
		'planning',
		7,
		'Polygon',
		'post',
		'verkehr',
		'Tempo 30 im ganzen Wohngebiet Rosenhang, mit neuen Querungshilfen.',
		[],
		{ draft: 'future' }
	),
	P(
		'hallenbad-schlossau',
		'Neubau Hallenbad Schlossau',
		'building',
		'planning',
		10,
		'Point',
		'post',
		'sport',
		'Ein neues Hallenbad mit Lehrschwimmbecken ersetzt das Bad aus dem Jahr 1968.',
		[['Beschlussvorlage', 'Sanierung des Hallenbads Schlossau: Variantenentscheidung Neubau']],
		{ laterParticipation: true }
	),
	P(
		'kita-ziegelfeld',
		'Kindertagesstätte Ziegelfeld',
		'building',
		'approved',
		3,
		'Point',
		'post',
		'jugend',
		'Sechs Gruppen, Außengelände mit altem Baumbestand, Holzbauweise.',
		[['Beschlussvorlage', 'Neubau der Kindertagesstätte an der Ziegeleistraße']]
	),
	P(
		'radhauptroute-ost',
		'Radhauptroute Ost – Innenstadt',
		'traffic',
		'approved',
		7,
		'LineString',
		'post',
		'radverkehr',
		'Eine schnelle, sichere Radverbindung von Birkenau über die Friedrich-Ebert-Straße in die Innenstadt.',
		[
			['Beschlussvorlage', 'Radhauptroute Birkenau – Innenstadt: Planungsbeschluss'],
			['Anfrage', 'Sicherheit des Radverkehrs auf der Friedrich-Ebert-Straße']
		]
	),
	P(
		'bebauungsplan-deichfeld',
		'Bebauungsplan Nr. 5590/021 – Wohnen am Deichfeld',
		'building',
		'approved',
		4,
		'Polygon',
		'pre',
		'bebauungsplan',
		'Reihenhäuser und Mehrfamilienhäuser mit Hochwasserschutz und Grünzug.',
		[
			[
				'Beschlussvorlage',
				'Bebauungsplan Nr. 5590/021 – Deichfeld, Deichstraße – Satzungsbeschluss'
			]
		]
	),
	P(
		'busspur-ringstrasse',
		'Busspur Ringstraße',
		'traffic',
		'approved',
		2,
		'LineString',
		'post',
		'stadtbahn',
		'Eine Busspur macht die Linien 721 und 722 im Berufsverkehr pünktlicher.',
		[['Beschlussvorlage', 'Busbeschleunigung auf der Ringstraße']]
	),
	P(
		'sanierung-gymnasium-hofgarten',
		'Sanierung des Städtischen Gymnasiums am Hofgarten',
		'building',
		'construction',
		1,
		'Point',
		'post',
		'schule',
		'Energetische Sanierung, neue Fachräume und eine Mensa; Unterricht läuft in Modulbauten weiter.',
		[['Beschlussvorlage', 'Schulsanierung Städtisches Gymnasium am Hofgarten: Baubeschluss']]
	),
	P(
		'haltestelle-bahnhofstrasse',
		'Barrierefreie Stadtbahnhaltestelle Bahnhofstraße',
		'traffic',
		'construction',
		8,
		'Point',
		'post',
		'stadtbahn',
		'Hochbahnsteige, Aufzüge und ein Blindenleitsystem.',
		[['Beschlussvorlage', 'Barrierefreier Ausbau der Stadtbahnhaltestelle Bahnhofstraße']]
	),
	P(
		'gruenzug-bachtal',
		'Grünzug Bachtal',
		'building',
		'construction',
		9,
		'Polygon',
		'post',
		'gruen',
		'Der Bach wird renaturiert, entlang entsteht ein Grünzug mit Spiel- und Liegewiesen.',
		[['Beschlussvorlage', 'Neugestaltung des Grünzugs Bachtal']]
	),
	P(
		'bruecke-rheinbogen',
		'Ersatzneubau Fuß- und Radwegbrücke Rheinbogen',
		'traffic',
		'construction',
		4,
		'LineString',
		'post',
		'radverkehr',
		'Die marode Brücke wird durch einen breiteren Neubau für Fuß- und Radverkehr ersetzt.',
		[['Beschlussvorlage', 'Ersatzneubau der Fuß- und Radwegbrücke Rheinbogen: Baubeschluss']]
	),
	P(
		'spielplatz-kastanienhof',
		'Spielplatz Kastanienhof',
		'building',
		'completed',
		2,
		'Point',
		'post',
		'gruen',
		'Neuer Spielplatz mit Wasserspiel, gestaltet mit Kindern aus dem Viertel.',
		[['Beschlussvorlage', 'Spielplatz an der Gartenstraße: Erneuerung']]
	),
	P(
		'kreisverkehr-talstrasse',
		'Kreisverkehr Talstraße / Schulstraße',
		'traffic',
		'completed',
		10,
		'Point',
		'post',
		'verkehr',
		'Ein Kreisverkehr ersetzt die unfallträchtige Ampelkreuzung.',
		[['Beschlussvorlage', 'Kreisverkehr an der Talstraße']]
	),
	P(
		'quartiersgarage-marktviertel',
		'Quartiersgarage Marktviertel',
		'building',
		'completed',
		1,
		'Polygon',
		'pre',
		'verkehr',
		'Eine Quartiersgarage schafft Platz für breitere Gehwege und Bäume im Marktviertel.',
		[['Beschlussvorlage', 'Parkraumbewirtschaftung im Marktviertel und Bau einer Quartiersgarage']]
	),
	P(
		'seilbahn-rheinquerung',
		'Seilbahn über den Rhein',
		'traffic',
		'stopped',
		4,
		'LineString',
		'post',
		'stadtbahn',
		'Die geplante Seilbahn zwischen Oberwiesen und der Altstadt wird nach der Kostenprüfung nicht weiterverfolgt.',
		[
			['Beschlussvorlage', 'Seilbahn Oberwiesen – Altstadt: Ergebnis der Machbarkeitsstudie'],
			['Antrag', 'Seilbahnplanung einstellen']
		]
	),
	P(
		'hochhaus-suedhafen',
		'Hochhaus am Südhafen',
		'building',
		'stopped',
		3,
		'Point',
		'pre',
		'bebauungsplan',
		'Der Investor hat das Vorhaben zurückgezogen; das Bebauungsplanverfahren ruht.',
		[
			[
				'Beschlussvorlage',
				'Vorhabenbezogener Bebauungsplan Nr. 5715/002 – Südhafen, Hafenstraße – Einstellung des Verfahrens'
			]
		]
	)
];
