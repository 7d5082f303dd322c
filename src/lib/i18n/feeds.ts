// Texts shared by the feeds (iCal, RSS) and exports whose language comes from the URL.
import { defineMessages } from './index';

export default defineMessages({
	de: {
		badLang: '„lang“ kann „de“ (Deutsch) oder „en“ (Englisch) sein.'
	},
	en: {
		badLang: '“lang” can be “de” (German) or “en” (English).'
	}
});
