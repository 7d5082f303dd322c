// The local mail outbox as a small, accessible German HTML page (everything escaped).

export interface OutboxMail {
	id: string;
	recipient: string;
	subject: string;
	body: string;
	link: string | null;
	otp: string | null;
	created_at: Date;
}

export function escapeHtml(value: string): string {
	return value.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);
}

function safeLink(link: string | null): string | null {
	if (!link) return null;
	try {
		const url = new URL(link);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
	} catch {
		return null;
	}
}

const dateFormat = new Intl.DateTimeFormat('de-DE', {
	dateStyle: 'medium',
	timeStyle: 'medium',
	timeZone: 'Europe/Berlin'
});

function renderMail(mail: OutboxMail): string {
	const link = safeLink(mail.link);
	const when = new Date(mail.created_at);
	return `<article aria-labelledby="mail-${escapeHtml(String(mail.id))}">
<h2 id="mail-${escapeHtml(String(mail.id))}">${escapeHtml(mail.subject)}</h2>
<dl>
<dt>An</dt><dd>${escapeHtml(mail.recipient)}</dd>
<dt>Gesendet</dt><dd><time datetime="${escapeHtml(when.toISOString())}">${escapeHtml(dateFormat.format(when))}</time></dd>
${mail.otp ? `<dt>Code</dt><dd><code>${escapeHtml(mail.otp)}</code></dd>` : ''}
</dl>
${link ? `<p><a href="${escapeHtml(link)}">Link aus der E-Mail öffnen<span class="visually-hidden"> (${escapeHtml(mail.recipient)})</span></a></p>` : ''}
<details><summary>Nachricht anzeigen</summary><pre>${escapeHtml(mail.body)}</pre></details>
</article>`;
}

export function renderOutbox(mails: OutboxMail[]): string {
	const list = mails.length
		? mails.map(renderMail).join('\n')
		: '<p>Noch keine E-Mails verschickt.</p>';
	return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Postausgang – lokaler Supabase-Stack</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: 1rem; color: #1a1a1a; }
article { border: 1px solid #767676; border-radius: 0.5rem; padding: 0 1rem 1rem; margin: 1rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
a { color: #0b57d0; }
a:focus-visible, summary:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f3; padding: 0.75rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
</style>
</head>
<body>
<main>
<h1>Postausgang</h1>
<p>E-Mails, die der lokale Auth-Dienst verschickt hätte, die neuesten zuerst. Diese Seite gibt es nur in der lokalen Entwicklungsumgebung.</p>
${list}
</main>
</body>
</html>
`;
}
