// What a comment, a report and a pin may be, shared by the form actions and the offline outbox.
// The database enforces the same limits (length, thread shape, rate): this is for clear messages.
import * as v from 'valibot';

export const BODY_MAX = 5000;
export const THREADS_PER_PAGE = 15;
/** The participation consent text's version; a new text needs a new consent. */
export const PARTICIPATION_CONSENT_VERSION = '2026-11';

export const commentStates = [
	'published',
	'pending',
	'hidden',
	'removed_by_author',
	'removed_by_moderator'
] as const;
export type CommentState = (typeof commentStates)[number];

export const reportReasons = ['spam', 'insult', 'personal_data', 'off_topic', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

const optionalText = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.transform((x) => (x === '' ? undefined : x))
);

const coordinatePattern = /^-?\d{1,3}(\.\d{1,15})?$/;

/** A pin is both coordinates or none, and it must lie on the earth. */
export function parsePin(
	lngText: unknown,
	latText: unknown
): { pin: { pin_lng: number | null; pin_lat: number | null } } | { error: string } {
	const lng = typeof lngText === 'string' ? lngText.trim() : '';
	const lat = typeof latText === 'string' ? latText.trim() : '';
	if (lng === '' && lat === '') return { pin: { pin_lng: null, pin_lat: null } };
	const x = Number(lng);
	const y = Number(lat);
	if (
		!coordinatePattern.test(lng) ||
		!coordinatePattern.test(lat) ||
		Math.abs(x) > 180 ||
		Math.abs(y) > 90
	) {
		return {
			error:
				'Die Markierung auf der Karte ist ungültig. Bitte setzen Sie sie erneut oder entfernen Sie sie.'
		};
	}
	return { pin: { pin_lng: x, pin_lat: y } };
}

export const commentBody = v.pipe(
	v.string('Bitte schreiben Sie einen Beitrag.'),
	v.trim(),
	v.nonEmpty('Bitte schreiben Sie einen Beitrag.'),
	v.maxLength(
		BODY_MAX,
		`Ein Beitrag darf höchstens ${BODY_MAX.toLocaleString('de-DE')} Zeichen lang sein.`
	)
);

/** The comment form. `website` is the honeypot: people leave it empty, form-filling bots do not. */
export const commentForm = v.object({
	body: commentBody,
	parent_id: v.pipe(
		optionalText,
		v.optional(v.pipe(v.string(), v.uuid('Der Beitrag, auf den Sie antworten, ist ungültig.')))
	),
	idempotency_key: v.pipe(
		optionalText,
		v.optional(v.pipe(v.string(), v.uuid('Der Sendeschlüssel ist ungültig.')))
	),
	official: v.pipe(
		v.optional(v.string(), ''),
		v.transform((x) => x === 'on')
	),
	website: v.pipe(v.optional(v.string(), ''), v.maxLength(0, 'Dieses Feld muss leer bleiben.')),
	pin_lng: v.optional(v.string(), ''),
	pin_lat: v.optional(v.string(), '')
});

export const reportForm = v.object({
	comment_id: v.pipe(v.string(), v.uuid('Der gemeldete Beitrag ist ungültig.')),
	reason: v.picklist(reportReasons, 'Bitte wählen Sie einen Grund für die Meldung.'),
	note: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(1000, 'Die Erläuterung darf höchstens 1.000 Zeichen lang sein.')
	)
});

export const commentIdForm = v.object({
	comment_id: v.pipe(v.string(), v.uuid('Der Beitrag ist ungültig.'))
});

export interface PostgrestLikeError {
	code?: string;
	message: string;
}

/** A database refusal in words a citizen understands; trigger messages are already German. */
export function commentErrorMessage(error: PostgrestLikeError): string {
	switch (error.code) {
		case 'PT429':
			return 'Sie haben in kurzer Zeit sehr viele Beiträge geschrieben. Bitte warten Sie einige Minuten und senden Sie dann erneut – Ihr Text bleibt erhalten.';
		case '23514':
			if (/Zeichen|char_length|comments_body_check/.test(error.message))
				return 'Der Beitrag ist leer oder zu lang.';
			return error.message;
		case '42501':
			return 'Dieser Beitrag kann nicht gespeichert werden: Die Beteiligung ist nicht (mehr) geöffnet oder Ihnen fehlt die Berechtigung.';
		case '23505':
			return 'Dieser Beitrag ist bereits gespeichert.';
		case 'P0001':
			return error.message;
		default:
			return `Der Beitrag konnte nicht gespeichert werden (${error.message}). Ihr Text bleibt erhalten.`;
	}
}

export interface ThreadComment {
	id: string;
	parentId: string | null;
	body: string;
	state: CommentState;
	isOfficial: boolean;
	author: string | null;
	authorDeleted: boolean;
	mine: boolean;
	createdAt: string;
	pin: [number, number] | null;
	supports: number;
	supportedByMe: boolean;
	reportedByMe: boolean;
}

export interface Thread extends ThreadComment {
	replies: ThreadComment[];
}
