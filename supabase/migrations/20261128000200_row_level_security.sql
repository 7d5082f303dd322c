-- Row level security: the security boundary of the whole product.
--
-- Rules
--   * Rows with a publication time in the future (or none) are drafts: only editors and admins see them.
--   * Non-public agenda items, their papers and files are visible only to active members of an
--     organization holding the meeting (or consulting the paper), and to editors and admins.
--   * Comments: the public sees published ones; authors see their own in any state; moderators all.
--   * Writes to council data: editors and admins. Comments: their authors, within what triggers allow.
--
-- Helper functions live in schema "app", which PostgREST does not expose. They are SECURITY DEFINER
-- where they must read tables the caller cannot (profiles, memberships of others) and never return
-- more than a yes/no or the caller's own ids.

create schema app;
grant usage on schema app to anon, authenticated, service_role;

create function app.current_role() returns public.app_role
language sql stable security definer set search_path = '' as $$
  select role from public.profiles where id = auth.uid()
$$;

create function app.is_staff() returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((select role in ('editor', 'admin') from public.profiles where id = auth.uid()), false)
$$;

create function app.is_admin() returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((select role = 'admin' from public.profiles where id = auth.uid()), false)
$$;

create function app.is_moderator() returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce(
    (select role in ('moderator', 'editor', 'admin') from public.profiles where id = auth.uid()), false)
$$;

-- Organizations the caller currently belongs to, through the person linked to their profile.
create function app.member_organization_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.organization_id), '{}')
  from public.profiles p
  join public.memberships m on m.person_id = p.person_id
  where p.id = auth.uid()
    and m.start_date <= current_date
    and (m.end_date is null or m.end_date >= current_date)
$$;

create function app.is_member_of_meeting(p_meeting_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.meeting_organizations mo
    where mo.meeting_id = p_meeting_id
      and mo.organization_id = any (app.member_organization_ids()))
$$;

-- A member is entitled to a non-public paper when one of their bodies consults it.
create function app.is_member_for_paper(p_paper_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.consultations c
    left join public.meeting_organizations mo on mo.meeting_id = c.meeting_id
    where c.paper_id = p_paper_id
      and (c.organization_id = any (app.member_organization_ids())
           or mo.organization_id = any (app.member_organization_ids())))
$$;

-- A non-public file inherits the audience of everything it belongs to.
create function app.is_member_for_file(p_file_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
      select 1 from public.file_attachments fa
      left join public.agenda_items ai on ai.id = fa.agenda_item_id
      where fa.file_id = p_file_id
        and (app.is_member_for_paper(fa.paper_id)
             or app.is_member_of_meeting(coalesce(fa.meeting_id, ai.meeting_id))))
    or exists (select 1 from public.papers p
               where p.main_file_id = p_file_id and app.is_member_for_paper(p.id))
    or exists (select 1 from public.agenda_items ai
               where ai.resolution_file_id = p_file_id and app.is_member_of_meeting(ai.meeting_id))
    or exists (select 1 from public.meetings m
               where p_file_id in (m.invitation_file_id, m.results_protocol_file_id,
                                   m.verbatim_protocol_file_id)
                 and app.is_member_of_meeting(m.id))
$$;

create function app.file_has_nonpublic_owner(p_file_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
      select 1 from public.file_attachments fa
      left join public.papers p on p.id = fa.paper_id
      left join public.agenda_items ai on ai.id = fa.agenda_item_id
      where fa.file_id = p_file_id and (not p.public or not ai.public))
    or exists (select 1 from public.papers p where p.main_file_id = p_file_id and not p.public)
    or exists (select 1 from public.agenda_items ai
               where ai.resolution_file_id = p_file_id and not ai.public)
$$;

create function app.is_published(p_published_at timestamptz) returns boolean
language sql stable as $$
  select p_published_at is not null and p_published_at <= now()
$$;

grant execute on all functions in schema app to anon, authenticated, service_role;

-- ── enable RLS everywhere ────────────────────────────────────────────────────────────────────────
do $$
declare t record;
begin
  for t in select tablename from pg_tables where schemaname = 'public' loop
    execute format('alter table public.%I enable row level security', t.tablename);
  end loop;
end
$$;

-- ── council data: read by publication and confidentiality, written by staff ──────────────────────
create policy "published bodies are public" on public.bodies
  for select using (app.is_published(published_at) or app.is_staff());
create policy "published organizations are public" on public.organizations
  for select using (app.is_published(published_at) or app.is_staff());
create policy "published persons are public" on public.persons
  for select using (app.is_published(published_at) or app.is_staff());
create policy "terms of visible bodies are public" on public.legislative_terms
  for select using (exists (select 1 from public.bodies b where b.id = body_id));
create policy "memberships of visible persons are public" on public.memberships
  for select using (
    exists (select 1 from public.persons p where p.id = person_id)
    and exists (select 1 from public.organizations o where o.id = organization_id));
create policy "locations are public" on public.locations
  for select using (true);

create policy "published meetings are public" on public.meetings
  for select using (app.is_published(published_at) or app.is_staff());
create policy "bodies of visible meetings are public" on public.meeting_organizations
  for select using (exists (select 1 from public.meetings m where m.id = meeting_id));

create policy "published public items, non-public ones for members" on public.agenda_items
  for select using (
    app.is_staff()
    or (app.is_published(published_at)
        and exists (select 1 from public.meetings m where m.id = meeting_id)
        and (public or app.is_member_of_meeting(meeting_id))));

create policy "published public papers, non-public ones for members" on public.papers
  for select using (
    app.is_staff()
    or (app.is_published(published_at) and (public or app.is_member_for_paper(id))));

create policy "relations between visible papers" on public.paper_relations
  for select using (
    exists (select 1 from public.papers p where p.id = paper_id)
    and exists (select 1 from public.papers p where p.id = related_paper_id));

-- A consultation in a non-public agenda item reveals that item: it follows the item's visibility.
create policy "consultations of visible papers and items" on public.consultations
  for select using (
    exists (select 1 from public.papers p where p.id = paper_id)
    and (agenda_item_id is null
         or exists (select 1 from public.agenda_items ai where ai.id = agenda_item_id)));

-- A file marked public is still confidential when it belongs to a non-public paper or agenda item.
create policy "published public files, non-public ones for members" on public.files
  for select using (
    app.is_staff()
    or (app.is_published(published_at)
        and ((public and not app.file_has_nonpublic_owner(id)) or app.is_member_for_file(id))));
-- Through a function: as a plain EXISTS in the policy, the planner checked the files policy on every
-- row of files before joining (2.8 s for the pages of one file); this way it is one index lookup.
create function app.file_visible(p_file_id uuid) returns boolean
language sql stable as $$
  select exists (select 1 from public.files where id = p_file_id)
$$;
grant execute on function app.file_visible(uuid) to anon, authenticated, service_role;

create policy "pages of visible files" on public.file_pages
  for select using (app.file_visible(file_id));
create policy "attachments of visible files" on public.file_attachments
  for select using (app.file_visible(file_id));

create policy "published projects are public" on public.projects
  for select using (app.is_published(published_at) or app.is_staff());
create policy "phases of visible projects" on public.project_phases
  for select using (exists (select 1 from public.projects p where p.id = project_id));
create policy "paper links of visible projects and papers" on public.project_papers
  for select using (
    exists (select 1 from public.projects p where p.id = project_id)
    and exists (select 1 from public.papers p where p.id = paper_id));
create policy "meeting links of visible projects and meetings" on public.project_meetings
  for select using (
    exists (select 1 from public.projects p where p.id = project_id)
    and exists (select 1 from public.meetings m where m.id = meeting_id));

do $$
declare t text;
begin
  foreach t in array array['bodies', 'legislative_terms', 'organizations', 'persons', 'memberships',
    'locations', 'meetings', 'meeting_organizations', 'agenda_items', 'papers', 'paper_relations',
    'consultations', 'files', 'file_pages', 'file_attachments', 'projects', 'project_phases',
    'project_papers', 'project_meetings']
  loop
    execute format('create policy "staff insert" on public.%I for insert to authenticated
      with check (app.is_staff())', t);
    execute format('create policy "staff update" on public.%I for update to authenticated
      using (app.is_staff()) with check (app.is_staff())', t);
    execute format('create policy "staff delete" on public.%I for delete to authenticated
      using (app.is_staff())', t);
  end loop;
end
$$;

-- ── profiles and consents ────────────────────────────────────────────────────────────────────────
-- A pseudonym becomes public with its first published comment; until then only its owner and
-- moderators see the profile.
create policy "own profile, moderators, authors of published comments" on public.profiles
  for select using (
    id = auth.uid()
    or app.is_moderator()
    or exists (select 1 from public.comments c where c.author_id = profiles.id and c.state = 'published'));
create policy "own profile or admin" on public.profiles
  for update to authenticated
  using (id = auth.uid() or app.is_admin())
  with check (id = auth.uid() or app.is_admin());

-- Role and person link are the admin's to change, never the user's own.
create function app.guard_profile_update() returns trigger
language plpgsql as $$
begin
  -- Clearing the person link is allowed: it is what deleting a person does (on delete set null).
  if (new.role is distinct from old.role
      or (new.person_id is distinct from old.person_id and new.person_id is not null)
      or new.id is distinct from old.id)
     and auth.role() is distinct from 'service_role' and not app.is_admin() then
    raise exception 'Nur Administratoren dürfen Rollen und Personenzuordnungen ändern.'
      using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger guard_profile_update before update on public.profiles
  for each row execute function app.guard_profile_update();

create policy "own consents" on public.consents
  for select to authenticated using (user_id = auth.uid());
create policy "give own consent" on public.consents
  for insert to authenticated with check (user_id = auth.uid());

-- ── comments ─────────────────────────────────────────────────────────────────────────────────────
-- Citizens may comment while a participation phase is open; moderators also afterwards.
create function app.project_accepts_comments(p_project_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.projects p
    join public.project_phases ph on ph.project_id = p.id
    where p.id = p_project_id
      and app.is_published(p.published_at)
      and ph.participation
      and (ph.starts_on is null or ph.starts_on <= current_date)
      and (ph.ends_on is null or ph.ends_on >= current_date))
$$;

create function app.initial_comment_state(p_project_id uuid) returns public.comment_state
language sql stable security definer set search_path = '' as $$
  select case when moderation_mode = 'pre' then 'pending' else 'published' end::public.comment_state
  from public.projects where id = p_project_id
$$;

create policy "published comments, own comments, all for moderators" on public.comments
  for select using (
    (state = 'published' and exists (select 1 from public.projects p where p.id = project_id))
    or (author_id is not null and author_id = auth.uid())
    or app.is_moderator());

create policy "citizens comment as themselves in the prescribed state" on public.comments
  for insert to authenticated
  with check (
    author_id = auth.uid()
    and ((state = app.initial_comment_state(project_id)
          and not is_official
          and app.project_accepts_comments(project_id))
         or app.is_moderator()));

create policy "authors and moderators update" on public.comments
  for update to authenticated
  using (author_id = auth.uid() or app.is_moderator())
  with check (author_id = auth.uid() or app.is_moderator());

create policy "moderators read removed text" on public.comment_removals
  for select to authenticated using (app.is_moderator());

-- Publishes at once where the project is post-moderated, and checks the thread shape: replies go two levels deep and only to
-- published comments of the same project.
create function app.prepare_comment() returns trigger
language plpgsql security definer set search_path = '' as $$
declare parent public.comments;
begin
  if new.state = 'pending' then
    new.state := case when app.is_moderator() then 'published'
                      else app.initial_comment_state(new.project_id) end;
  end if;
  if new.parent_id is not null then
    select * into parent from public.comments where id = new.parent_id;
    if parent.id is null or parent.project_id <> new.project_id then
      raise exception 'Der Kommentar, auf den Sie antworten, gehört nicht zu diesem Projekt.'
        using errcode = '23514';
    end if;
    if parent.parent_id is not null then
      raise exception 'Antworten sind nur auf Beiträge der ersten Ebene möglich.'
        using errcode = '23514';
    end if;
    if parent.state <> 'published' then
      raise exception 'Auf diesen Kommentar kann nicht geantwortet werden.' using errcode = '23514';
    end if;
  end if;
  return new;
end
$$;
create trigger prepare_comment before insert on public.comments
  for each row execute function app.prepare_comment();

-- What authors and moderators may change, and keeping removed text out of reach.
create function app.guard_comment_update() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  is_mod boolean := app.is_moderator() or auth.role() = 'service_role';
begin
  -- Deleting an account sets author_id to null (on delete set null): the comment stays, anonymous.
  if old.author_id is not null and new.author_id is null
     and to_jsonb(new) - 'author_id' - 'modified_at' = to_jsonb(old) - 'author_id' - 'modified_at' then
    return new;
  end if;
  if new.project_id <> old.project_id or new.parent_id is distinct from old.parent_id
     or new.author_id is distinct from old.author_id or new.created_at <> old.created_at
     or new.idempotency_key is distinct from old.idempotency_key then
    raise exception 'Projekt, Autor und Thread eines Kommentars sind unveränderlich.'
      using errcode = '42501';
  end if;
  if not is_mod then
    if new.is_official <> old.is_official then
      raise exception 'Nur die Moderation kann Antworten der Verwaltung kennzeichnen.'
        using errcode = '42501';
    end if;
    if old.state in ('hidden', 'removed_by_author', 'removed_by_moderator') then
      raise exception 'Dieser Kommentar kann nicht mehr bearbeitet werden.' using errcode = '42501';
    end if;
    if new.state <> old.state and new.state <> 'removed_by_author' then
      raise exception 'Den Status eines Kommentars ändert nur die Moderation.' using errcode = '42501';
    end if;
    -- An edited text goes back into the moderation queue where the project is pre-moderated.
    if new.body is distinct from old.body and new.state = 'published'
       and app.initial_comment_state(new.project_id) = 'pending' then
      new.state := 'pending';
    end if;
  elsif new.state = 'removed_by_author' and old.state <> 'removed_by_author'
        and old.author_id is distinct from auth.uid() then
    raise exception 'Nur die Autorin oder der Autor kann den eigenen Kommentar zurückziehen.'
      using errcode = '42501';
  end if;

  if new.state in ('removed_by_author', 'removed_by_moderator')
     and old.state not in ('removed_by_author', 'removed_by_moderator') then
    insert into public.comment_removals (comment_id, body, removed_by)
    values (old.id, old.body, auth.uid())
    on conflict (comment_id) do update set body = excluded.body, removed_at = now(),
      removed_by = excluded.removed_by;
    new.body := '';
  elsif old.state = 'removed_by_moderator' and new.state not in ('removed_by_author', 'removed_by_moderator') then
    -- Restoring a removed comment brings its text back from the audit table.
    select body into new.body from public.comment_removals where comment_id = old.id;
    delete from public.comment_removals where comment_id = old.id;
  elsif old.state = 'removed_by_author' and new.state <> 'removed_by_author' then
    raise exception 'Ein von der Autorin oder dem Autor zurückgezogener Kommentar bleibt entfernt.'
      using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger guard_comment_update before update on public.comments
  for each row execute function app.guard_comment_update();

-- ── storage: the bucket for council documents follows the files table ────────────────────────────
insert into storage.buckets (id, name, public) values ('files', 'files', false)
  on conflict (id) do nothing;

create policy "buckets are listed" on storage.buckets for select using (true);

create policy "read documents whose file row is visible" on storage.objects
  for select using (
    bucket_id = 'files'
    -- Qualified: files has a column "name" too, which an unqualified name would silently bind to.
    and exists (select 1 from public.files f
                where f.storage_bucket = objects.bucket_id and f.storage_path = objects.name));
create policy "staff upload documents" on storage.objects
  for insert to authenticated with check (bucket_id = 'files' and app.is_staff());
create policy "staff update documents" on storage.objects
  for update to authenticated using (bucket_id = 'files' and app.is_staff());
create policy "staff delete documents" on storage.objects
  for delete to authenticated using (bucket_id = 'files' and app.is_staff());
