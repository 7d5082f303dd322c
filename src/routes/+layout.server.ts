import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const locale = locals.locale;
	const user = await locals.getUser();
	if (!user) return { locale, user: null };
	const { data: profile } = await locals.supabase
		.from('profiles')
		.select('display_name')
		.eq('id', user.id)
		.maybeSingle();
	return {
		locale,
		user: { id: user.id, email: user.email, displayName: profile?.display_name ?? null }
	};
};
