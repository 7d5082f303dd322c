import { defineMessages } from './index';

export default defineMessages({
	de: {
		updateReady: 'Neue Version verfügbar',
		reload: 'Neu laden',
		offlineTitle: 'Keine Verbindung',
		offlineLead:
			'Diese Seite lässt sich gerade nicht laden, weil keine Internetverbindung besteht.',
		offlineHint: 'Sobald Sie wieder online sind, laden Sie die Seite neu.',
		home: 'Zur Startseite'
	},
	en: {
		updateReady: 'A new version is available',
		reload: 'Reload',
		offlineTitle: 'No connection',
		offlineLead: 'This page cannot be loaded right now because there is no internet connection.',
		offlineHint: 'Reload the page once you are back online.',
		home: 'Go to the home page'
	}
});
