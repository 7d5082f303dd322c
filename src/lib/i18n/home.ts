import { defineMessages } from './index';

export default defineMessages({
	de: {
		pageTitle: 'Ratsinformation Rheinstadt – Sitzungen, Vorlagen, Beschlüsse',
		description:
			'Sitzungen, Tagesordnungen, Vorlagen und Beschlüsse des Rates und der Bezirksvertretungen der Stadt Rheinstadt.',
		title: 'Ratsinformation der Stadt Rheinstadt',
		lead: 'Was Rat, Ausschüsse und Bezirksvertretungen beraten und beschließen – öffentlich, aktuell und zum Nachlesen.',
		upcoming: 'Nächste Sitzungen',
		none: 'Zurzeit sind keine Sitzungen angesetzt. Neue Termine erscheinen hier, sobald sie veröffentlicht sind.'
	},
	en: {
		pageTitle: 'Council information Rheinstadt – meetings, papers, decisions',
		description:
			'Meetings, agendas, papers and decisions of the council and the district councils of the city of Rheinstadt.',
		title: 'Council information of the city of Rheinstadt',
		lead: 'What the council, its committees and the district councils discuss and decide – public, current and on the record.',
		upcoming: 'Upcoming meetings',
		none: 'No meetings are scheduled at the moment. New dates appear here as soon as they are published.'
	}
});
