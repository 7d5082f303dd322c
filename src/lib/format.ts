// Dates and times as German readers expect them, always in the city's time zone.
const zone = 'Europe/Berlin';

const dateTime = new Intl.DateTimeFormat('de-DE', {
	timeZone: zone,
	weekday: 'short',
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});
const dayLong = new Intl.DateTimeFormat('de-DE', {
	timeZone: zone,
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});
const time = new Intl.DateTimeFormat('de-DE', {
	timeZone: zone,
	hour: '2-digit',
	minute: '2-digit'
});

export const formatDateTime = (iso: string) => `${dateTime.format(new Date(iso))} Uhr`;
export const formatDayLong = (iso: string) => dayLong.format(new Date(iso));
export const formatTime = (iso: string) => `${time.format(new Date(iso))} Uhr`;
