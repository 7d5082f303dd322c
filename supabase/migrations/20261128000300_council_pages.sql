-- Council pages: what the public may know about the non-public part of a meeting.
--
-- RLS hides non-public agenda items from everyone who is not a member of a body holding the
-- meeting. The public still has a right to know THAT a meeting has a non-public part and how many
-- items it has (every German RIS prints "nichtöffentlicher Teil: n Punkte"). This function tells
-- exactly that number and nothing else: no names, no ids, no papers. It is SECURITY DEFINER because
-- the caller cannot see the rows it counts; it answers only for published meetings so that drafts
-- stay invisible, and counts only published items so that items still being prepared stay hidden.

create function public.nonpublic_item_count(meeting_id uuid) returns int
language sql stable security definer set search_path = '' as $$
  select count(*)::int
  from public.agenda_items ai
  join public.meetings m on m.id = ai.meeting_id
  where ai.meeting_id = nonpublic_item_count.meeting_id
    and not ai.public
    and app.is_published(ai.published_at)
    and app.is_published(m.published_at)
$$;
comment on function public.nonpublic_item_count(uuid) is
  'Number of published non-public agenda items of a published meeting; 0 for drafts and unknown ids.';

revoke execute on function public.nonpublic_item_count(uuid) from public;
grant execute on function public.nonpublic_item_count(uuid) to anon, authenticated, service_role;

-- The paper types in use with how many papers of each the caller may see, for the filter of the
-- paper list. SECURITY INVOKER: RLS on papers applies, so non-public papers count only for those
-- entitled to them.
create function public.paper_type_counts() returns table (paper_type text, papers int)
language sql stable security invoker set search_path = '' as $$
  select p.paper_type, count(*)::int from public.papers p group by p.paper_type order by p.paper_type
$$;
comment on function public.paper_type_counts() is
  'Paper types with the number of papers of each type visible to the caller.';
