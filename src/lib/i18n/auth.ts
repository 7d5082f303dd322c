import { defineMessages } from './index';

export default defineMessages({
	de: {
		title: 'Anmelden',
		pageTitle: 'Anmelden – Ratsinformation Rheinstadt',
		linkFailed:
			'Der Anmeldelink ist abgelaufen oder wurde schon benutzt. Bitte fordern Sie einen neuen an.',
		withPassword: 'Mit Passwort',
		email: 'E-Mail-Adresse',
		password: 'Passwort',
		submitPassword: 'Anmelden',
		withLink: 'Ohne Passwort, per E-Mail-Link',
		linkIntro:
			'Wir schicken Ihnen einen Link, mit dem Sie sich anmelden. Neu hier? So entsteht Ihr Konto.',
		linkSent: (email: string) =>
			`Wir haben Ihnen einen Anmeldelink an ${email} geschickt. Er gilt eine Stunde.`,
		localOutbox: 'Lokale Entwicklung: die E-Mail liegt im',
		outbox: 'Postausgang',
		submitLink: 'Anmeldelink senden',
		wrongCredentials: 'E-Mail-Adresse oder Passwort stimmen nicht. Bitte prüfen Sie Ihre Eingabe.',
		signInFailed: (reason: string) => `Die Anmeldung ist fehlgeschlagen: ${reason}`,
		linkNotSent: (reason: string) => `Der Anmeldelink konnte nicht verschickt werden: ${reason}`
	},
	en: {
		title: 'Sign in',
		pageTitle: 'Sign in – Council information Rheinstadt',
		linkFailed: 'The sign-in link has expired or was already used. Please request a new one.',
		withPassword: 'With a password',
		email: 'E-mail address',
		password: 'Password',
		submitPassword: 'Sign in',
		withLink: 'Without a password, by e-mail link',
		linkIntro: 'We send you a link to sign in with. New here? This creates your account.',
		linkSent: (email: string) => `We sent a sign-in link to ${email}. It is valid for one hour.`,
		localOutbox: 'Local development: the e-mail is in the',
		outbox: 'outbox',
		submitLink: 'Send sign-in link',
		wrongCredentials: 'The e-mail address or password is wrong. Please check what you typed.',
		signInFailed: (reason: string) => `Signing in failed: ${reason}`,
		linkNotSent: (reason: string) => `The sign-in link could not be sent: ${reason}`
	}
});
