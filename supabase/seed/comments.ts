// Demo logins and the citizens' discussion on projects: top-level comments, replies (one level
// deep, only to published comments), official answers by the moderation, in every moderation state.
import type { TablesInsert } from '../../src/lib/database.types.ts';
import { addDays, addMinutes, daysBetween, localTime } from './calendar.ts';
import type { ProjectPlan } from './projects.ts';
import type { Random } from './random.ts';

export const DEMO_PASSWORD = 'Demo-Passwort-2026';

export interface DemoUser {
	email: string;
	password: string;
	role: 'citizen' | 'moderator' | 'editor' | 'admin';
	/** Public pseudonym (2–40 characters). */
	displayName: string;
	description: string;
	/** Linked to the council member Miriam Terhorst (profiles.person_id). */
	councilMember?: boolean;
}

const user = (
	email: string,
	role: DemoUser['role'],
	displayName: string,
	description: string,
	councilMember = false
): DemoUser => ({ email, password: DEMO_PASSWORD, role, displayName, description, councilMember });

export const DEMO_USERS: DemoUser[] = [
	user('admin@rheinstadt.example', 'admin', 'Administration', 'admin (everything, user roles)'),
	user(
		'redaktion@rheinstadt.example',
		'editor',
		'Redaktion Ratsinfo',
		'editor (publishes council data, sees drafts)'
	),
	user(
		'moderation@rheinstadt.example',
		'moderator',
		'Moderation Stadt Rheinstadt',
		'moderator (comment moderation, official answers)'
	),
	user(
		'ratsmitglied@rheinstadt.example',
		'citizen',
		'Miriam Terhorst',
		'council member Miriam Terhorst (Rat, Ausschuss für Planung und Stadtentwicklung, Bauausschuss): sees the non-public papers of these bodies',
		true
	),
	user('buerger@rheinstadt.example', 'citizen', 'Rheinstädterin', 'citizen (comments on projects)')
];

export const COMMENTERS: DemoUser[] = [
	'Radlerin aus Lindenau',
	'Fritz vom Hafen',
	'Anwohner Kastanienhof',
	'Mama von drei',
	'Stadtbahnfan',
	'Grünfink',
	'Nachbarin 42',
	'Rheinblick',
	'Kiezkind',
	'Pendler77'
].map((name, i) =>
	user(
		`buerger${String(i + 1).padStart(2, '0')}@rheinstadt.example`,
		'citizen',
		name,
		'citizen (demo commenter)'
	)
);

export interface CommentPlan {
	row: WithIdComment;
	/** E-mail of the author; the seed maps it to the auth user id. */
	author: string;
	state: NonNullable<TablesInsert<'comments'>['state']>;
}

type WithIdComment = Omit<TablesInsert<'comments'>, 'author_id' | 'state'> & {
	id: string;
	parent_id: string | null;
	created_at: string;
};

const TOP_LEVEL = {
	building: [
		'Ich begrüße die Planung grundsätzlich, wünsche mir aber mehr Grünflächen und Bäume im Quartier.',
		'Wo sollen die Kinder aus den neuen Wohnungen zur Schule gehen? Die Grundschule ist jetzt schon voll.',
		'Bitte achten Sie darauf, dass genügend bezahlbare Wohnungen entstehen und nicht nur Eigentum.',
		'Die geplante Bebauung ist mir zu hoch. Sechs Geschosse passen nicht zur Umgebung.',
		'Schön wäre ein kleiner Quartiersplatz mit Café und Sitzbänken, damit sich die Nachbarschaft trifft.',
		'Wie wird der Bauverkehr geführt? Die Straße vor unserem Haus ist schon jetzt stark belastet.',
		'Der alte Baumbestand an der Ecke sollte unbedingt erhalten bleiben.',
		'Endlich passiert hier etwas! Die Brache ist seit Jahren ein Schandfleck.',
		'Bitte planen Sie ausreichend Fahrradabstellplätze ein, auch für Lastenräder.',
		'Im Bebauungsplan fehlt mir eine klare Aussage zur Regenwasserbewirtschaftung.',
		'Können die Dächer begrünt und mit Photovoltaik ausgestattet werden?',
		'Der Spielplatz sollte auch Angebote für Jugendliche haben, nicht nur für Kleinkinder.',
		'Ich wohne direkt nebenan. Wie lange werden die Bauarbeiten dauern und zu welchen Uhrzeiten?',
		'Eine öffentliche Toilette wäre bei so vielen Besuchern sinnvoll.',
		'Die Strasse ist für zusätzlichen Verkehr nicht ausgelegt, bitte prüfen Sie die Erschließung noch einmal.'
	],
	traffic: [
		'Als tägliche Radfahrerin freue ich mich sehr über den Radweg. Bitte baulich getrennt und nicht nur mit Farbe!',
		'An der Kreuzung mit der Schulstraße ist es morgens gefährlich, hier braucht es eine eigene Ampelphase für den Radverkehr.',
		'Wo sollen die Anwohner künftig parken? Schon heute findet man abends keinen Platz.',
		'Die Haltestelle sollte ein Dach und Sitzplätze bekommen.',
		'Tempo 30 wäre hier für alle sicherer, vor allem für die Kinder auf dem Schulweg.',
		'Bitte denken Sie an ausreichend breite Gehwege, mit Kinderwagen kommt man hier kaum durch.',
		'Die Lieferzonen für die Geschäfte dürfen nicht vergessen werden, sonst wird wieder auf dem Radweg gehalten.',
		'Ich fahre jeden Tag mit der Stadtbahn. Eine dichtere Taktung am Abend wäre wichtiger als neue Strecken.',
		'Die Baustelle sollte so geplant werden, dass die Straße nicht monatelang voll gesperrt ist.',
		'An dieser Stelle fehlt seit Jahren ein sicherer Überweg. Bitte einen Zebrastreifen einplanen.',
		'Danke für die Planung! Wichtig ist, dass der Radweg auch im Winter geräumt wird.',
		'Die Bäume entlang der Strasse sollten erhalten bleiben, auch wenn dafür Parkplätze wegfallen.',
		'Wie wird der Radverkehr während der Bauzeit geführt?',
		'Die Ampel schaltet für Fußgänger viel zu kurz auf Grün.',
		'Bitte prüfen Sie, ob die Busse hier eine eigene Spur bekommen können.'
	]
};

const REPLIES = [
	'Da stimme ich zu, das sehe ich jeden Morgen genauso.',
	'Das sehe ich anders: Ohne Parkplätze haben es die Geschäfte schwer.',
	'Guter Punkt! Vielleicht kann man das bei der nächsten Sitzung der Bezirksvertretung ansprechen.',
	'Genau das habe ich auch schon dem Bürgerbüro geschrieben.',
	'Ich wohne in der Nähe und kann das bestätigen.',
	'Man sollte aber auch an die älteren Menschen denken, die auf das Auto angewiesen sind.',
	'In anderen Städten funktioniert das sehr gut, warum nicht auch hier?',
	'Die Kosten dafür wären überschaubar, der Nutzen groß.',
	'Vielleicht ließe sich das im nächsten Bauabschnitt berücksichtigen.',
	'Bitte mehr solcher Vorschläge, die Planung ist noch nicht ausgereift.'
];

const OFFICIAL = [
	'Vielen Dank für Ihren Hinweis. Die Verwaltung prüft den Vorschlag und berücksichtigt ihn in der weiteren Planung.',
	'Danke für Ihre Anregung. Die Frage der Stellplätze wird in einem Parkraumkonzept für das Quartier untersucht; die Ergebnisse stellen wir hier vor.',
	'Die Bauzeit wird nach derzeitiger Planung rund 18 Monate betragen. Die Arbeiten finden werktags zwischen 7 und 18 Uhr statt.',
	'Ihr Hinweis wurde an das Amt für Verkehrsmanagement weitergeleitet. Eine Verkehrsschau ist für das kommende Quartal geplant.',
	'Der Baumbestand wurde kartiert; wertvolle Bäume bleiben erhalten. Für unvermeidbare Fällungen wird mindestens gleichwertig nachgepflanzt.',
	'Vielen Dank. Die Anregung wird dem zuständigen Ausschuss mit der Auswertung der Beteiligung vorgelegt.'
];

export function buildComments(rng: Random, projects: ProjectPlan[], today: string): CommentPlan[] {
	const citizens = [...COMMENTERS.map((u) => u.email), 'buerger@rheinstadt.example'];
	const moderator = 'moderation@rheinstadt.example';
	const comments: CommentPlan[] = [];
	const lastDay = addDays(today, -1);
	const at = (from: string, until: string) => {
		const day = addDays(from, rng.int(0, Math.max(0, daysBetween(from, until))));
		return localTime(
			day,
			`${String(rng.int(7, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`
		);
	};
	// A moment after `timestamp`, at most `maxDays` later and never after yesterday.
	const later = (timestamp: string, maxDays: number) => {
		const t = addMinutes(timestamp, rng.int(20, maxDays * 1440));
		return t.slice(0, 10) <= lastDay ? t : addMinutes(timestamp, rng.int(5, 60));
	};

	for (const project of projects) {
		const window = project.commentWindow;
		if (!window) continue;
		const open = window.until === lastDay;
		const pre = project.row.moderation_mode === 'pre';
		const kind = project.row.kind as 'building' | 'traffic';
		const pool = rng.shuffle(TOP_LEVEL[kind]);
		const count = open ? rng.int(9, 15) : rng.int(4, 8);
		const push = (
			row: Omit<WithIdComment, 'id' | 'project_id'>,
			author: string,
			state: CommentPlan['state']
		) => {
			const plan: CommentPlan = {
				row: { id: rng.uuid(), project_id: project.row.id, ...row, modified_at: row.created_at },
				author,
				state
			};
			comments.push(plan);
			return plan;
		};
		for (let i = 0; i < count; i++) {
			const created = at(window.from, window.until);
			// Pre-moderated projects: the latest comments still wait for the moderation.
			const recent = daysBetween(created.slice(0, 10), today) <= 14;
			const state: CommentPlan['state'] =
				pre && open && recent && rng.chance(0.7)
					? 'pending'
					: rng.weighted([
							['published', 82],
							['hidden', 5],
							['removed_by_author', 5],
							['removed_by_moderator', 8]
						]);
			const pinned = rng.chance(kind === 'traffic' ? 0.45 : 0.3);
			const [minLng, minLat, maxLng, maxLat] = [
				project.row.min_lng,
				project.row.min_lat,
				project.row.max_lng,
				project.row.max_lat
			];
			const top = push(
				{
					parent_id: null,
					body: pool[i % pool.length],
					pin_lng: pinned ? Number((minLng + rng.next() * (maxLng - minLng)).toFixed(6)) : null,
					pin_lat: pinned ? Number((minLat + rng.next() * (maxLat - minLat)).toFixed(6)) : null,
					is_official: false,
					created_at: created
				},
				rng.pick(citizens),
				state
			);
			if (state !== 'published') continue;
			const replies = rng.chance(0.45) ? rng.int(1, 3) : 0;
			for (let r = 0; r < replies; r++) {
				const replyState: CommentPlan['state'] =
					pre && open && rng.chance(0.15)
						? 'pending'
						: rng.weighted([
								['published', 90],
								['removed_by_author', 5],
								['hidden', 5]
							]);
				push(
					{
						parent_id: top.row.id,
						body: rng.pick(REPLIES),
						pin_lng: null,
						pin_lat: null,
						is_official: false,
						created_at: later(created, 6)
					},
					rng.pick(citizens.filter((c) => c !== top.author)),
					replyState
				);
			}
			if (rng.chance(0.3)) {
				push(
					{
						parent_id: top.row.id,
						body: rng.pick(OFFICIAL),
						pin_lng: null,
						pin_lat: null,
						is_official: true,
						created_at: later(created, 10)
					},
					moderator,
					'published'
				);
			}
		}
	}
	// Parents before replies, then by time: the order in which they can be inserted.
	return comments.sort(
		(a, b) =>
			Number(a.row.parent_id !== null) - Number(b.row.parent_id !== null) ||
			a.row.created_at.localeCompare(b.row.created_at)
	);
}
