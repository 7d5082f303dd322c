// What the login forms accept, with messages in plain German.
import * as v from 'valibot';

const email = v.pipe(
	v.string('Bitte geben Sie Ihre E-Mail-Adresse ein.'),
	v.trim(),
	v.nonEmpty('Bitte geben Sie Ihre E-Mail-Adresse ein.'),
	v.maxLength(254, 'Die E-Mail-Adresse ist zu lang.'),
	v.email('Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.')
);

export const passwordLogin = v.object({
	email,
	password: v.pipe(
		v.string('Bitte geben Sie Ihr Passwort ein.'),
		v.nonEmpty('Bitte geben Sie Ihr Passwort ein.'),
		v.maxLength(200, 'Das Passwort ist zu lang.')
	)
});

export const magicLinkLogin = v.object({ email });

/** Only same-site paths: an open redirect would let a phishing mail reuse our login. */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
		return fallback;
	}
	return target;
}

export function fieldErrors(issues: v.BaseIssue<unknown>[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const key = v.getDotPath(issue) ?? 'form';
		errors[key] ??= issue.message;
	}
	return errors;
}
