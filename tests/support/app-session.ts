// A session in the app itself (cookies), for requests to its pages as a signed-in user.
import { expect } from 'vitest';

/** Signs in through the app's own login form (no JavaScript), returning the session cookies. */
export async function appSession(appUrl: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${appUrl}/login?/password`, {
		method: 'POST',
		headers: {
			origin: appUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	expect(response.status).toBe(303);
	const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
	expect(cookies.some((cookie) => cookie.startsWith('sb-'))).toBe(true);
	return cookies.join('; ');
}
