-- Participation beyond the comment itself: supports, reports with automatic hiding, private
-- moderator notes, per-user rate limits enforced in the database, deleting one's own account, and
-- the map query that loads projects by bounding box with grid clustering.
--
-- States, thread shape and removals are the triggers of 20261128000200; this migration only adds.

-- ── projects: report threshold and "participation open" ─────────────────────────────────────────
alter table public.projects
  add column report_threshold int not null default 3 check (report_threshold between 1 and 100);
comment on column public.projects.report_threshold is
  'Open reports after which a published comment is hidden until a moderator looks at it.';

-- A computed column for PostgREST (`select=participation_open`, `participation_open=is.true`).
create function public.participation_open(p public.projects) returns boolean
language sql stable as $$
  select app.project_accepts_comments(p.id)
$$;

-- ── rate limits ──────────────────────────────────────────────────────────────────────────────────
-- Counted per author in the database, so a script that skips the app's forms is limited too.
-- Moderators (official answers) and the service role are exempt.
create function app.enforce_comment_rate_limit() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  per_minute constant int := 30;
  per_hour constant int := 200;
  recent int;
  hourly int;
begin
  if auth.uid() is null or app.is_moderator() then
    return new;
  end if;
  -- Serialises one author's concurrent inserts, so parallel requests cannot slip past the count.
  perform pg_advisory_xact_lock(hashtext('comment-rate:' || auth.uid()::text));
  select count(*) filter (where created_at > now() - interval '1 minute'), count(*)
    into recent, hourly
  from public.comments
  where author_id = auth.uid() and created_at > now() - interval '1 hour';
  if recent >= per_minute or hourly >= per_hour then
    -- PT429 makes PostgREST answer 429 Too Many Requests.
    raise exception 'Sie haben in kurzer Zeit sehr viele Beiträge geschrieben. Bitte warten Sie einige Minuten.'
      using errcode = 'PT429';
  end if;
  return new;
end
$$;
create trigger enforce_comment_rate_limit before insert on public.comments
  for each row execute function app.enforce_comment_rate_limit();

-- ── supports ("Unterstützen"): once per user and comment ────────────────────────────────────────
create table public.comment_supports (
  comment_id uuid not null references public.comments (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (comment_id, user_id)
);
create index comment_supports_user_idx on public.comment_supports (user_id);
alter table public.comment_supports enable row level security;

-- Who supported what is personal: users see their own supports; counts come from the function below.
create policy "own supports, all for moderators" on public.comment_supports
  for select using (user_id = auth.uid() or app.is_moderator());
create policy "support a published comment of someone else" on public.comment_supports
  for insert to authenticated
  with check (
    user_id = auth.uid()
    and exists (select 1 from public.comments c
                where c.id = comment_id and c.state = 'published'
                  and c.author_id is distinct from auth.uid()));
create policy "withdraw own support" on public.comment_supports
  for delete to authenticated using (user_id = auth.uid());

-- Counts of supports for the visible comments of one project. SECURITY DEFINER because the caller
-- may not read others' supports; it returns numbers only, and only for comments the caller sees.
create function public.comment_support_counts(p_project_id uuid)
returns table (comment_id uuid, supports int)
language sql stable security definer set search_path = '' as $$
  select s.comment_id, count(*)::int
  from public.comment_supports s
  join public.comments c on c.id = s.comment_id
  join public.projects p on p.id = c.project_id
  where c.project_id = p_project_id
    and (app.is_published(p.published_at) or app.is_staff())
    and (c.state = 'published' or c.author_id = auth.uid() or app.is_moderator())
  group by s.comment_id
$$;

-- ── reports ("Melden") ───────────────────────────────────────────────────────────────────────────
create table public.comment_reports (
  id uuid primary key default gen_random_uuid(),
  comment_id uuid not null references public.comments (id) on delete cascade,
  reporter_id uuid default auth.uid() references public.profiles (id) on delete set null,
  reason text not null check (reason in ('spam', 'insult', 'personal_data', 'off_topic', 'other')),
  note text check (char_length(note) <= 1000),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid references public.profiles (id) on delete set null,
  unique (comment_id, reporter_id)
);
create index comment_reports_open_idx on public.comment_reports (comment_id) where resolved_at is null;
alter table public.comment_reports enable row level security;

create policy "own reports, all for moderators" on public.comment_reports
  for select using (reporter_id = auth.uid() or app.is_moderator());
create policy "report a published comment" on public.comment_reports
  for insert to authenticated
  with check (
    reporter_id = auth.uid()
    and resolved_at is null and resolved_by is null
    and exists (select 1 from public.comments c where c.id = comment_id and c.state = 'published'));
create policy "moderators resolve reports" on public.comment_reports
  for update to authenticated using (app.is_moderator()) with check (app.is_moderator());

-- After N open reports (projects.report_threshold) a published comment is hidden until a moderator
-- decides. The reporter is no moderator, so the state change runs with the service role's claim for
-- this one statement: the comment guard lets only moderators and the service role change states.
create function app.hide_after_reports() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  claims text := current_setting('request.jwt.claims', true);
  open_reports int;
  threshold int;
begin
  select count(*) into open_reports from public.comment_reports
  where comment_id = new.comment_id and resolved_at is null;
  select p.report_threshold into threshold
  from public.comments c join public.projects p on p.id = c.project_id
  where c.id = new.comment_id;
  if open_reports >= threshold then
    perform set_config('request.jwt.claims',
      (coalesce(nullif(claims, ''), '{}')::jsonb || '{"role": "service_role"}')::text, true);
    update public.comments set state = 'hidden' where id = new.comment_id and state = 'published';
    perform set_config('request.jwt.claims', coalesce(claims, ''), true);
  end if;
  return new;
end
$$;
create trigger hide_after_reports after insert on public.comment_reports
  for each row execute function app.hide_after_reports();

-- ── private moderator notes ──────────────────────────────────────────────────────────────────────
create table public.moderation_notes (
  id uuid primary key default gen_random_uuid(),
  comment_id uuid not null references public.comments (id) on delete cascade,
  author_id uuid default auth.uid() references public.profiles (id) on delete set null,
  body text not null check (char_length(body) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index moderation_notes_comment_idx on public.moderation_notes (comment_id);
alter table public.moderation_notes enable row level security;

-- Notes are part of the audit trail: written by moderators, never changed or deleted.
create policy "moderators read notes" on public.moderation_notes
  for select to authenticated using (app.is_moderator());
create policy "moderators write notes as themselves" on public.moderation_notes
  for insert to authenticated with check (app.is_moderator() and author_id = auth.uid());

-- ── deleting one's own account ───────────────────────────────────────────────────────────────────
-- Removes the auth user; the profile, consents and supports go with it (on delete cascade), the
-- comments stay without author (shown as from a deleted account), reports and notes lose the link.
-- SECURITY DEFINER because only the auth admin may delete users, and it deletes only the caller.
create function public.delete_own_account() returns void
language plpgsql security definer set search_path = '' as $$
begin
  if auth.uid() is null then
    raise exception 'Bitte melden Sie sich an, um Ihr Konto zu löschen.' using errcode = '42501';
  end if;
  delete from auth.users where id = auth.uid();
end
$$;
revoke execute on function public.delete_own_account() from public, anon;
grant execute on function public.delete_own_account() to authenticated;

-- ── the map: projects in a bounding box, clustered on a grid ────────────────────────────────────
-- One row per occupied grid cell. A cell with one project carries the project itself (with its
-- geometry); a cell with several carries their count, mean centre and bounding box, so the map
-- stays light even when a view covers thousands of projects. Runs as the caller: RLS applies.
-- Grouping (not window functions) and one set of open project ids keep a city-wide view of 10,000
-- projects at a few milliseconds (npm run bench:map).
-- Ids of published projects with a participation phase running today, once per query (not per row).
create function app.open_project_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select ph.project_id from public.project_phases ph
  join public.projects p on p.id = ph.project_id
  where app.is_published(p.published_at)
    and ph.participation
    and (ph.starts_on is null or ph.starts_on <= current_date)
    and (ph.ends_on is null or ph.ends_on >= current_date)
$$;

create function public.project_map(
  west double precision, south double precision, east double precision, north double precision,
  grid_columns int default 12, grid_rows int default 12,
  kinds public.project_kind[] default null,
  statuses public.project_status[] default null,
  open_only boolean default false
)
returns table (
  cell_count int, lng double precision, lat double precision,
  min_lng double precision, min_lat double precision, max_lng double precision, max_lat double precision,
  id uuid, title text, kind public.project_kind, status public.project_status, geometry jsonb
)
language sql stable as $$
  with cells as (
    select count(*)::int as n,
      avg((p.min_lng + p.max_lng) / 2) as mx, avg((p.min_lat + p.max_lat) / 2) as my,
      min(p.min_lng) as x0, min(p.min_lat) as y0, max(p.max_lng) as x1, max(p.max_lat) as y1,
      (array_agg(p.id))[1] as any_id
    from public.projects p
    where p.min_lng <= east and p.max_lng >= west and p.min_lat <= north and p.max_lat >= south
      and (kinds is null or p.kind = any (kinds))
      and (statuses is null or p.status = any (statuses))
      and (not open_only or p.id in (select app.open_project_ids()))
    group by
      least(greatest(floor(((p.min_lng + p.max_lng) / 2 - west) / (east - west) * least(grid_columns, 64)), 0), least(grid_columns, 64) - 1),
      least(greatest(floor(((p.min_lat + p.max_lat) / 2 - south) / (north - south) * least(grid_rows, 64)), 0), least(grid_rows, 64) - 1)
  )
  select c.n, c.mx, c.my, c.x0, c.y0, c.x1, c.y1, s.id, s.title, s.kind, s.status, s.geometry
  from cells c
  left join public.projects s on c.n = 1 and s.id = c.any_id
$$;
