import { defineMessages } from './index';

export default defineMessages({
	de: {
		skip: 'Zum Inhalt springen',
		brand: 'Ratsinformation',
		city: 'Rheinstadt',
		mainNav: 'Hauptnavigation',
		meetings: 'Sitzungen',
		papers: 'Vorlagen',
		organizations: 'Gremien',
		persons: 'Personen',
		projects: 'Projekte',
		search: 'Suche',
		signedInAs: 'Angemeldet als',
		signIn: 'Anmelden',
		signOut: 'Abmelden',
		switchLanguage: 'English',
		switchLanguageLabel: 'Switch to English',
		footer: 'Stadt Rheinstadt · Ratsinformationssystem · Offene Daten nach OParl'
	},
	en: {
		skip: 'Skip to content',
		brand: 'Council information',
		city: 'Rheinstadt',
		mainNav: 'Main navigation',
		meetings: 'Meetings',
		papers: 'Papers',
		organizations: 'Bodies',
		persons: 'People',
		projects: 'Projects',
		search: 'Search',
		signedInAs: 'Signed in as',
		signIn: 'Sign in',
		signOut: 'Sign out',
		switchLanguage: 'Deutsch',
		switchLanguageLabel: 'Auf Deutsch wechseln',
		footer: 'City of Rheinstadt · Council information system · Open data following OParl'
	}
});
