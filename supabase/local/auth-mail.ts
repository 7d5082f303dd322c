// The mails GoTrue would send, written to auth.outbox (shown by the gateway at /_outbox).
import type { Queryable } from './auth-session.ts';
import type { OtpType } from './auth-session.ts';

export interface Mail {
	recipient: string;
	subject: string;
	body: string;
	link: string;
	otp: string;
}

const TEXTS: Record<OtpType, { subject: string; intro: string; action: string }> = {
	magiclink: {
		subject: 'Ihr Anmeldelink',
		intro: 'Sie haben einen Anmeldelink für das Ratsinformationssystem angefordert.',
		action: 'Über diesen Link melden Sie sich an:'
	},
	signup: {
		subject: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
		intro: 'Sie haben sich beim Ratsinformationssystem registriert.',
		action: 'Über diesen Link bestätigen Sie Ihre E-Mail-Adresse:'
	},
	invite: {
		subject: 'Einladung zum Ratsinformationssystem',
		intro: 'Sie wurden zum Ratsinformationssystem eingeladen.',
		action: 'Über diesen Link nehmen Sie die Einladung an:'
	},
	recovery: {
		subject: 'Passwort zurücksetzen',
		intro: 'Sie haben angefordert, Ihr Passwort zurückzusetzen.',
		action: 'Über diesen Link vergeben Sie ein neues Passwort:'
	}
};

export function composeMail(type: OtpType, recipient: string, link: string, otp: string): Mail {
	const text = TEXTS[type];
	const body = [
		'Guten Tag,',
		'',
		text.intro,
		text.action,
		'',
		link,
		'',
		`Alternativ geben Sie diesen Code ein: ${otp}`,
		'',
		'Link und Code sind eine Stunde gültig und können nur einmal verwendet werden.',
		'Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren.'
	].join('\n');
	return { recipient, subject: text.subject, body, link, otp };
}

export async function storeMail(db: Queryable, mail: Mail): Promise<void> {
	await db.query(
		'insert into auth.outbox (recipient, subject, body, link, otp) values ($1, $2, $3, $4, $5)',
		[mail.recipient, mail.subject, mail.body, mail.link, mail.otp]
	);
}
