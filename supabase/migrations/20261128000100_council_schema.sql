-- Council information model, aligned to OParl 1.1 (https://oparl.org/spezifikation/), in plural
-- table names. Publication and confidentiality rules are expressed as RLS in the next migration.

create extension if not exists pg_trgm with schema extensions;
create extension if not exists unaccent with schema extensions;

-- ── users and roles ──────────────────────────────────────────────────────────────────────────────
-- Staff roles live on the profile. "Council member" is not a role: it follows from memberships of
-- the person a profile is linked to.
create type public.app_role as enum ('citizen', 'moderator', 'editor', 'admin');

create table public.bodies (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  short_name text,
  ags text check (ags ~ '^\d{8}$'),
  website text,
  license text,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now()
);
comment on table public.bodies is 'OParl Body: the municipality (Körperschaft).';

create table public.legislative_terms (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references public.bodies (id) on delete cascade,
  name text not null,
  start_date date not null,
  end_date date,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now()
);

create type public.organization_type as enum (
  'council', 'district_council', 'committee', 'faction', 'advisory_board', 'administration', 'other'
);

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references public.bodies (id) on delete cascade,
  name text not null,
  short_name text,
  organization_type public.organization_type not null,
  classification text,
  start_date date,
  end_date date,
  website text,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now()
);
create index organizations_body_idx on public.organizations (body_id);

create table public.persons (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references public.bodies (id) on delete cascade,
  name text not null,
  family_name text,
  given_name text,
  title text,
  form_of_address text,
  gender text,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now()
);
create index persons_body_idx on public.persons (body_id);

create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references public.persons (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  role text,
  voting_right boolean not null default true,
  on_behalf_of uuid references public.organizations (id) on delete set null,
  start_date date not null,
  end_date date,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
create index memberships_person_idx on public.memberships (person_id);
create index memberships_organization_idx on public.memberships (organization_id);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text check (char_length(display_name) between 2 and 40),
  role public.app_role not null default 'citizen',
  person_id uuid unique references public.persons (id) on delete set null,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now()
);
comment on column public.profiles.display_name is 'Public pseudonym; the e-mail address is never shown.';

-- Personal data kept apart from the (partly public) profile: who agreed to what, and when.
create table public.consents (
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null check (kind in ('terms', 'privacy', 'participation')),
  version text not null,
  given_at timestamptz not null default now(),
  primary key (user_id, kind, version)
);

create table public.locations (
  id uuid primary key default gen_random_uuid(),
  description text,
  room text,
  street_address text,
  postal_code text,
  locality text,
  geojson jsonb check (geojson is null or geojson ? 'type'),
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now()
);

-- ── meetings and agendas ─────────────────────────────────────────────────────────────────────────
create type public.meeting_state as enum ('terminiert', 'eingeladen', 'durchgefuehrt');

create table public.files (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  file_name text not null,
  mime_type text not null default 'application/pdf',
  size bigint check (size >= 0),
  sha512 text check (sha512 ~ '^[0-9a-f]{128}$'),
  page_count int check (page_count >= 0),
  storage_bucket text not null default 'files',
  storage_path text not null,
  text_extracted_at timestamptz,
  -- A non-public file is visible only to those entitled to the paper, agenda item or meeting it
  -- belongs to (see the RLS migration).
  public boolean not null default true,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now(),
  unique (storage_bucket, storage_path)
);

-- Extracted text per page, the unit of full-text search and of deep links into the PDF reader.
create table public.file_pages (
  file_id uuid not null references public.files (id) on delete cascade,
  page_number int not null check (page_number >= 1),
  content text not null default '',
  primary key (file_id, page_number)
);

create table public.meetings (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references public.bodies (id) on delete cascade,
  name text not null,
  meeting_state public.meeting_state not null default 'terminiert',
  cancelled boolean not null default false,
  start_at timestamptz not null,
  end_at timestamptz,
  location_id uuid references public.locations (id) on delete set null,
  invitation_file_id uuid references public.files (id) on delete set null,
  results_protocol_file_id uuid references public.files (id) on delete set null,
  verbatim_protocol_file_id uuid references public.files (id) on delete set null,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now(),
  check (end_at is null or end_at >= start_at)
);
create index meetings_start_idx on public.meetings (start_at);

-- OParl Meeting.organization is a list: joint meetings belong to several bodies.
create table public.meeting_organizations (
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  primary key (meeting_id, organization_id)
);
create index meeting_organizations_org_idx on public.meeting_organizations (organization_id);

create table public.agenda_items (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  number text,
  "order" int not null,
  name text not null,
  public boolean not null default true,
  result text,
  resolution_text text,
  resolution_file_id uuid references public.files (id) on delete set null,
  -- Nachtrag: added after the invitation was sent.
  is_supplement boolean not null default false,
  start_at timestamptz,
  end_at timestamptz,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now(),
  unique (meeting_id, "order")
);

create table public.papers (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references public.bodies (id) on delete cascade,
  reference text not null,
  name text not null,
  paper_type text not null,
  date date,
  originator_organization_id uuid references public.organizations (id) on delete set null,
  originator_person_id uuid references public.persons (id) on delete set null,
  main_file_id uuid references public.files (id) on delete set null,
  public boolean not null default true,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now(),
  unique (body_id, reference)
);
create index papers_date_idx on public.papers (date);

create type public.paper_relation as enum ('amendment', 'supplement', 'superordinate', 'related');

create table public.paper_relations (
  paper_id uuid not null references public.papers (id) on delete cascade,
  related_paper_id uuid not null references public.papers (id) on delete cascade,
  relation public.paper_relation not null default 'related',
  primary key (paper_id, related_paper_id),
  check (paper_id <> related_paper_id)
);
create index paper_relations_related_idx on public.paper_relations (related_paper_id);

-- Auxiliary files of papers, agenda items and meetings (OParl auxiliaryFile).
create table public.file_attachments (
  file_id uuid not null references public.files (id) on delete cascade,
  paper_id uuid references public.papers (id) on delete cascade,
  agenda_item_id uuid references public.agenda_items (id) on delete cascade,
  meeting_id uuid references public.meetings (id) on delete cascade,
  position int not null default 0,
  check (num_nonnulls(paper_id, agenda_item_id, meeting_id) = 1)
);
create unique index file_attachments_unique on public.file_attachments
  (file_id, coalesce(paper_id, agenda_item_id, meeting_id));
create index file_attachments_paper_idx on public.file_attachments (paper_id);
create index file_attachments_item_idx on public.file_attachments (agenda_item_id);
create index file_attachments_meeting_idx on public.file_attachments (meeting_id);

create type public.consultation_role as enum ('vorberatend', 'beschliessend', 'zur_kenntnis', 'anhoerung');

-- Beratungsfolge: the path of a paper through the bodies, in position order.
create table public.consultations (
  id uuid primary key default gen_random_uuid(),
  paper_id uuid not null references public.papers (id) on delete cascade,
  agenda_item_id uuid references public.agenda_items (id) on delete set null,
  meeting_id uuid references public.meetings (id) on delete set null,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  role public.consultation_role not null,
  authoritative boolean not null default false,
  position int not null default 0,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now()
);
create index consultations_paper_idx on public.consultations (paper_id, position);
create index consultations_item_idx on public.consultations (agenda_item_id);
create index consultations_org_idx on public.consultations (organization_id);

-- ── participation: projects and comments ─────────────────────────────────────────────────────────
create type public.project_kind as enum ('building', 'traffic');
create type public.project_status as enum ('planning', 'participation', 'approved', 'construction', 'completed', 'stopped');
create type public.moderation_mode as enum ('pre', 'post');

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null,
  summary text,
  description text,
  kind public.project_kind not null,
  status public.project_status not null default 'planning',
  district text,
  geometry jsonb not null check (geometry ->> 'type' in ('Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon')),
  -- Bounding box of the geometry, for map-view queries.
  min_lng double precision not null,
  min_lat double precision not null,
  max_lng double precision not null,
  max_lat double precision not null,
  moderation_mode public.moderation_mode not null default 'post',
  published_at timestamptz,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now(),
  check (min_lng <= max_lng and min_lat <= max_lat)
);
create index projects_bbox_idx on public.projects (min_lng, max_lng, min_lat, max_lat);

create table public.project_phases (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  name text not null,
  position int not null default 0,
  starts_on date,
  ends_on date,
  participation boolean not null default false,
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index project_phases_project_idx on public.project_phases (project_id, position);

create table public.project_papers (
  project_id uuid not null references public.projects (id) on delete cascade,
  paper_id uuid not null references public.papers (id) on delete cascade,
  primary key (project_id, paper_id)
);
create index project_papers_paper_idx on public.project_papers (paper_id);

create table public.project_meetings (
  project_id uuid not null references public.projects (id) on delete cascade,
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  primary key (project_id, meeting_id)
);
create index project_meetings_meeting_idx on public.project_meetings (meeting_id);

create type public.comment_state as enum (
  'published', 'pending', 'hidden', 'removed_by_author', 'removed_by_moderator'
);

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  parent_id uuid references public.comments (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null,
  -- Emptied when a comment is removed; the text then lives on in comment_removals.
  body text not null check (char_length(body) <= 5000),
  pin_lng double precision check (pin_lng between -180 and 180),
  pin_lat double precision check (pin_lat between -90 and 90),
  -- Clients leave the default: a trigger publishes at once on post-moderated projects.
  state public.comment_state not null default 'pending',
  is_official boolean not null default false,
  idempotency_key uuid unique,
  created_at timestamptz not null default now(),
  modified_at timestamptz not null default now(),
  check ((pin_lng is null) = (pin_lat is null)),
  check (char_length(body) >= 1 or state in ('removed_by_author', 'removed_by_moderator'))
);
create index comments_project_idx on public.comments (project_id, created_at);
create index comments_parent_idx on public.comments (parent_id);
create index comments_author_idx on public.comments (author_id);

-- Text of removed comments, kept for audit and readable only by moderators.
create table public.comment_removals (
  comment_id uuid primary key references public.comments (id) on delete cascade,
  body text not null,
  removed_at timestamptz not null default now(),
  removed_by uuid references public.profiles (id) on delete set null
);

-- ── bookkeeping ──────────────────────────────────────────────────────────────────────────────────
create function public.touch_modified_at() returns trigger
language plpgsql as $$
begin
  new.modified_at := now();
  return new;
end
$$;

do $$
declare t text;
begin
  foreach t in array array['bodies', 'legislative_terms', 'organizations', 'persons', 'memberships',
    'profiles', 'locations', 'files', 'meetings', 'agenda_items', 'papers', 'consultations',
    'projects', 'comments']
  loop
    execute format('create trigger touch_modified_at before update on public.%I
      for each row execute function public.touch_modified_at()', t);
  end loop;
end
$$;

-- A profile for every new auth user. The role comes only from app_metadata, which only the
-- service role can set (admin API); user_metadata is user-controlled and only names the pseudonym.
create function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id, display_name, role)
  values (
    new.id,
    case when char_length(new.raw_user_meta_data ->> 'display_name') >= 2
      then left(new.raw_user_meta_data ->> 'display_name', 40) end,
    coalesce((new.raw_app_meta_data ->> 'role')::public.app_role, 'citizen')
  );
  return new;
end
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();
