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
		linkNotSent: (reason: string) => `Der Anmeldelink konnte nicht verschickt werden: ${reason}`,
		signInFirst: 'Bitte melden Sie sich an.',
		validation: {
			emailMissing: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
			emailTooLong: 'Die E-Mail-Adresse ist zu lang.',
			emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
			passwordMissing: 'Bitte geben Sie Ihr Passwort ein.',
			passwordTooLong: 'Das Passwort ist zu lang.',
			pseudonymMissing: 'Bitte wählen Sie ein Pseudonym.',
			pseudonymTooShort: 'Ein Pseudonym hat mindestens 2 Zeichen.',
			pseudonymTooLong: 'Ein Pseudonym hat höchstens 40 Zeichen.',
			pseudonymEmail: 'Bitte verwenden Sie keine E-Mail-Adresse als Pseudonym.',
			pseudonymBrackets: 'Bitte verwenden Sie keine spitzen Klammern.',
			confirmDelete: 'Bitte geben Sie zur Bestätigung LÖSCHEN ein.'
		}
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
		linkNotSent: (reason: string) => `The sign-in link could not be sent: ${reason}`,
		signInFirst: 'Please sign in.',
		validation: {
			emailMissing: 'Please enter your e-mail address.',
			emailTooLong: 'The e-mail address is too long.',
			emailInvalid: 'Please enter a valid e-mail address, e.g. name@example.com.',
			passwordMissing: 'Please enter your password.',
			passwordTooLong: 'The password is too long.',
			pseudonymMissing: 'Please choose a pseudonym.',
			pseudonymTooShort: 'A pseudonym has at least 2 characters.',
			pseudonymTooLong: 'A pseudonym has at most 40 characters.',
			pseudonymEmail: 'Please do not use an e-mail address as your pseudonym.',
			pseudonymBrackets: 'Please do not use angle brackets.',
			confirmDelete: 'Please type LÖSCHEN to confirm.'
		}
	}
});
