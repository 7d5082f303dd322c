import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = await locals.getUser();
	if (!user) return { user: null };
	const { data: profile } = await locals.supabase
		.from('profiles')
		.select('display_name')
		.eq('id', user.id)
		.maybeSingle();
	return { user: { id: user.id, email: user.email, displayName: profile?.display_name ?? null } };
};
