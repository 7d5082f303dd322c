-- Search for the press: German full-text search over meetings, agenda items (with resolution
-- texts), papers, PDF text per page, persons and organizations, all in Postgres.
--
-- Shape
--   * search.documents: one row per searchable thing (a file contributes one row per page), with a
--     weighted tsvector (A title/reference, B names of bodies, C body text) and the columns the
--     filters and facets need. Triggers on the council tables keep it current.
--   * Schema "search" is not exposed by PostgREST: the API roles reach it only through the public
--     functions below, which run as the caller (SECURITY INVOKER).
--   * Visibility: search.documents has RLS. A row is visible when it is public and published (a
--     cheap inline check that serves the anonymous majority) or when the caller may see the source
--     row itself: that check is an EXISTS on the council table, so the council tables' own RLS
--     decides for drafts and non-public content. A wrong "public" flag could therefore only ever
--     hide something, and the triggers set it only from the same rules the RLS migration states.
--   * Why matching happens in a SECURITY DEFINER helper: Postgres may not use an index for a
--     condition that is not leakproof (like tsvector @@ tsquery or ILIKE) on a table with RLS, so
--     under RLS every search would read all documents. search.match_ids() therefore only finds the
--     ids of matching documents through the GIN index; the invoker functions then read those rows
--     from search.documents by primary key, where RLS applies as usual. The helper is not callable
--     through the API and returns nothing but ids and ranks.
--   * Text search configuration public.german_unaccent: German stemming after unaccent, so that
--     "Straße" and "Strasse" (unaccent folds ß to ss), "Bebauungspläne" and "Bebauungsplan" meet.
--   * Typos: search.words holds the words of all titles with a trigram index; the did-you-mean
--     function offers only corrections that find something the caller may see.

create schema search;
grant usage on schema search to anon, authenticated, service_role;

create text search configuration public.german_unaccent (copy = pg_catalog.german);
alter text search configuration public.german_unaccent
  alter mapping for hword, hword_part, word with extensions.unaccent, german_stem;

-- unaccent() is only STABLE (its dictionary could change); with the dictionary named explicitly the
-- result depends on the argument alone, which is what an index expression needs.
create function search.fold(p text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select lower(extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(p, '')))
$$;

create function search.tsv(p text, p_weight "char") returns tsvector
language sql immutable parallel safe set search_path = '' as $$
  select setweight(to_tsvector('public.german_unaccent'::regconfig, coalesce(p, '')), p_weight)
$$;

-- websearch_to_tsquery never fails on user input: quotes, OR, "-" for exclusion; stray operators
-- (& | ! ( ) : *) are ignored. Reference numbers like 00123/2025 stay one lexeme ("file" token).
-- Queries are cut at 500 characters: nobody types more, and a huge query is no reason to fail.
create function search.query(p_q text) returns tsquery
language sql immutable parallel safe set search_path = '' as $$
  select websearch_to_tsquery('public.german_unaccent'::regconfig, left(coalesce(p_q, ''), 500))
$$;

create function search.like_escape(p text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select replace(replace(replace(p, '\', '\\'), '%', '\%'), '_', '\_')
$$;

grant execute on all functions in schema search to anon, authenticated, service_role;

create table search.documents (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('meeting', 'agenda_item', 'paper', 'file', 'person', 'organization')),
  source_id uuid not null,
  -- Page of a file (1..n); 0 for everything else.
  page_number int not null default 0,
  -- The meeting of an agenda item; the paper or meeting a file belongs to.
  parent_id uuid,
  parent_kind text,
  title text not null,
  reference text,
  date date,
  paper_type text,
  result text,
  organization_ids uuid[] not null default '{}',
  public boolean not null,
  published_at timestamptz,
  tsv tsvector not null,
  unique (kind, source_id, page_number)
);
create index documents_tsv_idx on search.documents using gin (tsv);
create index documents_title_trgm_idx on search.documents using gin (search.fold(title) extensions.gin_trgm_ops)
  where kind in ('meeting', 'paper', 'person', 'organization');
create index documents_reference_idx on search.documents (reference text_pattern_ops)
  where reference is not null;
create index documents_date_idx on search.documents (date);
-- Everything the RLS policy, the filters and the facets read, so that checking the matched ids is an
-- index-only scan instead of a second visit to the (large) table rows.
create index documents_visibility_idx on search.documents (id)
  include (kind, source_id, public, published_at, date, paper_type, result, organization_ids);

alter table search.documents enable row level security;
grant select on search.documents to anon, authenticated, service_role;

create policy "public and published, or the caller may see the source" on search.documents
  for select using (
    (public and published_at <= now())
    -- Without a user there is no staff role and no membership: the base tables would refuse too.
    or auth.uid() is not null and case kind
      when 'meeting' then exists (select 1 from public.meetings x where x.id = source_id)
      when 'agenda_item' then exists (select 1 from public.agenda_items x where x.id = source_id)
      when 'paper' then exists (select 1 from public.papers x where x.id = source_id)
      when 'file' then exists (select 1 from public.files x where x.id = source_id)
      when 'person' then exists (select 1 from public.persons x where x.id = source_id)
      when 'organization' then exists (select 1 from public.organizations x where x.id = source_id)
    end);

-- Words of titles for "did you mean"; read only through search.similar_words().
create table search.words (
  word text primary key
);
create index words_trgm_idx on search.words using gin (word extensions.gin_trgm_ops);
alter table search.words enable row level security;

create function search.add_words(p_titles text[]) returns void
language sql security definer set search_path = '' as $$
  insert into search.words (word)
  select distinct w from unnest(p_titles) t, regexp_split_to_table(lower(t), '[^[:alpha:]]+') w
  where char_length(w) between 4 and 40
  on conflict do nothing
$$;

-- ── keeping documents current ────────────────────────────────────────────────────────────────────
-- Each refresh function replaces the documents of the given sources (null: all of them), reading
-- the council tables as their owner. The "public" flag repeats the anonymous branch of the RLS
-- rules; published_at is the moment the row becomes visible to the public.

create function search.org_names(p_ids uuid[]) returns text
language sql stable security definer set search_path = '' as $$
  select coalesce(string_agg(o.name || coalesce(' ' || o.short_name, ''), ' '), '')
  from public.organizations o where o.id = any (p_ids)
$$;

create function search.meeting_orgs(p_meeting_id uuid) returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(organization_id order by organization_id), '{}')
  from public.meeting_organizations where meeting_id = p_meeting_id
$$;

create function search.refresh_meetings(p_ids uuid[]) returns void
language plpgsql security definer set search_path = '' as $$
begin
  delete from search.documents d where d.kind = 'meeting' and (p_ids is null or d.source_id = any (p_ids));
  insert into search.documents (kind, source_id, title, date, organization_ids, public,
    published_at, tsv)
  select 'meeting', m.id, m.name, (m.start_at at time zone 'Europe/Berlin')::date, o.ids, true, m.published_at,
    search.tsv(m.name, 'A') || search.tsv(search.org_names(o.ids), 'B')
      || search.tsv(l.description, 'C')
  from public.meetings m
  left join public.locations l on l.id = m.location_id
  cross join lateral (select search.meeting_orgs(m.id) as ids) o
  where p_ids is null or m.id = any (p_ids);
  perform search.add_words(array(select name from public.meetings where p_ids is null or id = any (p_ids)));
end
$$;

create function search.refresh_agenda_items(p_ids uuid[]) returns void
language plpgsql security definer set search_path = '' as $$
begin
  delete from search.documents d
  where d.kind = 'agenda_item' and (p_ids is null or d.source_id = any (p_ids));
  insert into search.documents (kind, source_id, parent_id, parent_kind, title, reference,
    date, paper_type, result, organization_ids, public, published_at, tsv)
  select 'agenda_item', ai.id, ai.meeting_id, 'meeting', ai.name, p.reference,
    (m.start_at at time zone 'Europe/Berlin')::date,
    p.paper_type, ai.result, o.ids, ai.public,
    case when ai.published_at is not null and m.published_at is not null
      then greatest(ai.published_at, m.published_at) end,
    search.tsv(concat_ws(' ', ai.name, p.reference), 'A') || search.tsv(search.org_names(o.ids), 'B')
      || search.tsv(concat_ws(' ', ai.result, ai.resolution_text), 'C')
  from public.agenda_items ai
  join public.meetings m on m.id = ai.meeting_id
  cross join lateral (select search.meeting_orgs(m.id) as ids) o
  left join lateral (
    select pp.reference, pp.paper_type from public.consultations c
    join public.papers pp on pp.id = c.paper_id
    where c.agenda_item_id = ai.id order by c.position limit 1) p on true
  where p_ids is null or ai.id = any (p_ids);
end
$$;

create function search.refresh_papers(p_ids uuid[]) returns void
language plpgsql security definer set search_path = '' as $$
begin
  delete from search.documents d where d.kind = 'paper' and (p_ids is null or d.source_id = any (p_ids));
  insert into search.documents (kind, source_id, title, reference, date, paper_type, result,
    organization_ids, public, published_at, tsv)
  select 'paper', p.id, p.name, p.reference, p.date, p.paper_type, r.result, o.ids, p.public,
    p.published_at,
    search.tsv(concat_ws(' ', p.name, p.reference, p.paper_type), 'A')
      || search.tsv(search.org_names(o.ids), 'B')
  from public.papers p
  cross join lateral (
    select coalesce(array_agg(distinct x), '{}') as ids from (
      select c.organization_id as x from public.consultations c where c.paper_id = p.id
      union select p.originator_organization_id where p.originator_organization_id is not null) u) o
  -- The decision of the deciding body, taken only from public agenda items: a result recorded in a
  -- non-public item must not leak through a public paper.
  left join lateral (
    select ai.result from public.consultations c
    join public.agenda_items ai on ai.id = c.agenda_item_id
    where c.paper_id = p.id and ai.public and ai.result is not null
    order by c.authoritative desc, c.position desc limit 1) r on true
  where p_ids is null or p.id = any (p_ids);
  perform search.add_words(array(
    select name from public.papers where p_ids is null or id = any (p_ids)));
end
$$;

-- Lookups from a file to what it belongs to, which the refresh below and the RLS helper
-- app.file_has_nonpublic_owner() make for every file.
create index if not exists papers_main_file_idx on public.papers (main_file_id);
create index if not exists agenda_items_resolution_file_idx on public.agenda_items (resolution_file_id);
create index if not exists meetings_invitation_file_idx on public.meetings (invitation_file_id);
create index if not exists meetings_results_file_idx on public.meetings (results_protocol_file_id);
create index if not exists meetings_verbatim_file_idx on public.meetings (verbatim_protocol_file_id);

-- One document per page. The paper, agenda item or meeting a file belongs to gives links, dates
-- and filters; it is looked up once per file, not per page.
create function search.refresh_files(p_ids uuid[], p_page int default null) returns void
language plpgsql security definer set search_path = '' as $$
begin
  delete from search.documents d
  where d.kind = 'file' and (p_ids is null or d.source_id = any (p_ids))
    and (p_page is null or d.page_number = p_page);
  insert into search.documents (kind, source_id, page_number, parent_id, parent_kind, title,
    reference, date, paper_type, organization_ids, public, published_at, tsv)
  with owned as materialized (
    select f.id, f.name, f.published_at, own.parent_id, own.parent_kind, own.reference,
      coalesce(own.date, (f.created_at at time zone 'Europe/Berlin')::date) as date,
      own.paper_type, coalesce(own.orgs, '{}') as orgs,
      f.public and not app.file_has_nonpublic_owner(f.id) as public
    from public.files f
    left join lateral (
      select * from (
        select 1 as prio, p.id as parent_id, 'paper' as parent_kind, p.reference, p.date,
          p.paper_type,
          array(select distinct c.organization_id from public.consultations c where c.paper_id = p.id) as orgs
        from public.papers p
        where p.main_file_id = f.id
        union all
        select 2, p.id, 'paper', p.reference, p.date, p.paper_type,
          array(select distinct c.organization_id from public.consultations c where c.paper_id = p.id)
        from public.file_attachments fa join public.papers p on p.id = fa.paper_id
        where fa.file_id = f.id
        union all
        select 3, m.id, 'meeting', null, (m.start_at at time zone 'Europe/Berlin')::date, null,
          search.meeting_orgs(m.id)
        from public.meetings m
        where m.id in (
            select ai.meeting_id from public.agenda_items ai where ai.resolution_file_id = f.id
            union select ai.meeting_id from public.file_attachments fa
              join public.agenda_items ai on ai.id = fa.agenda_item_id where fa.file_id = f.id
            union select fa.meeting_id from public.file_attachments fa where fa.file_id = f.id
            union select mm.id from public.meetings mm where mm.invitation_file_id = f.id
            union select mm.id from public.meetings mm where mm.results_protocol_file_id = f.id
            union select mm.id from public.meetings mm where mm.verbatim_protocol_file_id = f.id)
      ) owners order by prio limit 1) own on true
    where p_ids is null or f.id = any (p_ids)
  )
  select 'file', o.id, fp.page_number, o.parent_id, o.parent_kind, o.name, o.reference, o.date, o.paper_type, o.orgs, o.public, o.published_at,
    search.tsv(o.reference, 'A') || search.tsv(fp.content, 'C')
  from owned o
  join public.file_pages fp on fp.file_id = o.id
  where p_page is null or fp.page_number = p_page;
end
$$;

create function search.refresh_persons(p_ids uuid[]) returns void
language plpgsql security definer set search_path = '' as $$
begin
  delete from search.documents d where d.kind = 'person' and (p_ids is null or d.source_id = any (p_ids));
  insert into search.documents (kind, source_id, title, organization_ids, public, published_at, tsv)
  select 'person', p.id, p.name, o.ids, true, p.published_at,
    search.tsv(concat_ws(' ', p.name, p.title), 'A') || search.tsv(search.org_names(o.ids), 'B')
  from public.persons p
  cross join lateral (
    select coalesce(array_agg(distinct m.organization_id), '{}') as ids
    from public.memberships m where m.person_id = p.id) o
  where p_ids is null or p.id = any (p_ids);
  perform search.add_words(array(
    select name from public.persons where p_ids is null or id = any (p_ids)));
end
$$;

create function search.refresh_organizations(p_ids uuid[]) returns void
language plpgsql security definer set search_path = '' as $$
begin
  delete from search.documents d
  where d.kind = 'organization' and (p_ids is null or d.source_id = any (p_ids));
  insert into search.documents (kind, source_id, title, reference, organization_ids, public,
    published_at, tsv)
  select 'organization', o.id, o.name, o.short_name, array[o.id], true, o.published_at,
    search.tsv(concat_ws(' ', o.name, o.short_name), 'A')
  from public.organizations o
  where p_ids is null or o.id = any (p_ids);
  perform search.add_words(array(
    select name from public.organizations where p_ids is null or id = any (p_ids)));
end
$$;

-- Rebuilds everything: after bulk loads with triggers off, and once below for existing data.
create function search.rebuild() returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform search.refresh_meetings(null);
  perform search.refresh_agenda_items(null);
  perform search.refresh_papers(null);
  perform search.refresh_files(null);
  perform search.refresh_persons(null);
  perform search.refresh_organizations(null);
end
$$;
revoke execute on function search.rebuild(), search.refresh_meetings(uuid[]),
  search.refresh_agenda_items(uuid[]), search.refresh_papers(uuid[]),
  search.refresh_files(uuid[], int), search.refresh_persons(uuid[]),
  search.refresh_organizations(uuid[]), search.add_words(text[])
  from public, anon, authenticated;

-- ── triggers ─────────────────────────────────────────────────────────────────────────────────────
-- Row triggers; each refreshes the documents whose text, filters or visibility the change touches.
-- A file's visibility depends on its owners, so changes to papers, agenda items and attachments
-- refresh the owned files too.
create function search.on_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  r record := coalesce(new, old);
  files uuid[];
begin
  case tg_table_name
  when 'meetings' then
    perform search.refresh_meetings(array[r.id]);
    perform search.refresh_agenda_items(array(select id from public.agenda_items where meeting_id = r.id));
  when 'meeting_organizations' then
    perform search.refresh_meetings(array[r.meeting_id]);
    perform search.refresh_agenda_items(array(
      select id from public.agenda_items where meeting_id = r.meeting_id));
  when 'agenda_items' then
    perform search.refresh_agenda_items(array[r.id]);
    files := array(select x from unnest(array[old.resolution_file_id, new.resolution_file_id]) x
                   where x is not null
                   union select file_id from public.file_attachments where agenda_item_id = r.id);
    if cardinality(files) > 0 then perform search.refresh_files(files); end if;
  when 'papers' then
    perform search.refresh_papers(array[r.id]);
    perform search.refresh_agenda_items(array(
      select agenda_item_id from public.consultations where paper_id = r.id and agenda_item_id is not null));
    files := array(select x from unnest(array[old.main_file_id, new.main_file_id]) x where x is not null
                   union select file_id from public.file_attachments where paper_id = r.id);
    if cardinality(files) > 0 then perform search.refresh_files(files); end if;
  when 'consultations' then
    perform search.refresh_papers(array[r.paper_id]);
    if r.agenda_item_id is not null then
      perform search.refresh_agenda_items(array[r.agenda_item_id]);
    end if;
  when 'files' then
    perform search.refresh_files(array[r.id]);
  when 'file_pages' then
    perform search.refresh_files(array[r.file_id], r.page_number);
  when 'file_attachments' then
    perform search.refresh_files(array[r.file_id]);
  when 'persons' then
    perform search.refresh_persons(array[r.id]);
  when 'memberships' then
    perform search.refresh_persons(array[r.person_id]);
  when 'organizations' then
    perform search.refresh_organizations(array[r.id]);
  end case;
  return null;
end
$$;

do $$
declare t text;
begin
  foreach t in array array['meetings', 'meeting_organizations', 'agenda_items', 'papers',
    'consultations', 'files', 'file_pages', 'file_attachments', 'persons', 'memberships',
    'organizations']
  loop
    execute format('create trigger search_documents after insert or update or delete on public.%I
      for each row execute function search.on_change()', t);
  end loop;
end
$$;

select search.rebuild();

-- ── matching (SECURITY DEFINER: ids only, see the header) ───────────────────────────────────────
-- Ids and ranks of the matching documents; the reference bonus puts an exactly matching paper
-- first.
create function search.match_ids(p_query tsquery, p_limit int default null, p_ref text default null)
returns table (id bigint, rank real)
language sql stable security definer set search_path = '' as $$
  select d.id, ts_rank(d.tsv, p_query, 1) + case when d.reference = p_ref then 1 else 0 end
  from search.documents d where d.tsv operator(pg_catalog.@@) p_query limit p_limit
$$;

create function search.title_candidates(p_q text, p_limit int) returns setof bigint
language sql stable security definer set search_path = '' as $$
  (select id from search.documents
   where reference like search.like_escape(p_q) || '%'
   order by reference limit p_limit)
  union
  (select id from search.documents
   where kind in ('meeting', 'paper', 'person', 'organization')
     and search.fold(title) like '%' || search.like_escape(search.fold(p_q)) || '%'
   limit p_limit)
$$;

create function search.similar_words(p_word text) returns setof text
language sql stable security definer set search_path = '' as $$
  select word from search.words
  where word operator(extensions.%) lower(p_word) and word <> lower(p_word)
  order by extensions.similarity(word, lower(p_word)) desc, word limit 5
$$;
revoke execute on function search.match_ids(tsquery, int, text), search.title_candidates(text, int),
  search.similar_words(text) from public;
grant execute on function search.match_ids(tsquery, int, text), search.title_candidates(text, int),
  search.similar_words(text) to anon, authenticated, service_role;

-- ── the API (SECURITY INVOKER: RLS of search.documents and the council tables applies) ──────────

-- Parameters are named so that no column of search.documents shadows them (ptype, decision).
-- The snippet marks matches with U+E000 … U+E001, private-use characters no document contains, so
-- the app can render <mark> elements while escaping everything else.
create function public.search(
  q text,
  kinds text[] default null,
  organization uuid default null,
  date_from date default null,
  date_to date default null,
  ptype text default null,
  decision text default null,
  published_since timestamptz default null,
  sort text default 'relevance',
  page_limit int default 20,
  page_offset int default 0
) returns table (
  kind text,
  source_id uuid,
  page_number int,
  parent_id uuid,
  parent_kind text,
  title text,
  reference text,
  snippet text,
  date date,
  paper_type text,
  result text,
  is_public boolean,
  rank real,
  total bigint
)
language sql stable security invoker set search_path = '' as $$
  with tq as (select search.query(q) as tsq),
  hits as (
    select d.id, d.date, m.rank
    from tq, search.match_ids(tq.tsq, null, btrim(q)) m
    join search.documents d on d.id = m.id
    where (kinds is null or d.kind = any (kinds))
      and (organization is null or d.organization_ids @> array[organization])
      and (date_from is null or d.date >= date_from)
      and (date_to is null or d.date <= date_to)
      and (ptype is null or d.paper_type = ptype)
      and (decision is null or d.result = decision)
      and (published_since is null or d.published_at > published_since)
  ),
  page as (
    select h.*, count(*) over () as total from hits h
    order by
      case when sort = 'newest' then h.date end desc nulls last,
      case when sort = 'oldest' then h.date end asc nulls last,
      h.rank desc, h.date desc nulls last, h.id
    limit least(greatest(page_limit, 0), 1000) offset greatest(page_offset, 0)
  )
  select d.kind, d.source_id, d.page_number, d.parent_id, d.parent_kind, d.title, d.reference,
    case when coalesce(b.body, '') = '' then '' else ts_headline('public.german_unaccent', b.body, tq.tsq,
      'StartSel=' || chr(57344) || ', StopSel=' || chr(57345)
        || ', MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
    end,
    d.date, d.paper_type, d.result, d.public and d.published_at <= now(), p.rank::real, p.total
  from page p
  join search.documents d on d.id = p.id
  cross join tq
  -- The text for the snippet comes from the source row, read under its own RLS.
  left join lateral (select case d.kind
      when 'file' then (select fp.content from public.file_pages fp
                        where fp.file_id = d.source_id and fp.page_number = d.page_number)
      when 'agenda_item' then (select ai.resolution_text from public.agenda_items ai
                               where ai.id = d.source_id)
      when 'meeting' then (select l.description from public.meetings m
                           join public.locations l on l.id = m.location_id where m.id = d.source_id)
    end as body) b on true
  order by
    case when sort = 'newest' then p.date end desc nulls last,
    case when sort = 'oldest' then p.date end asc nulls last,
    p.rank desc, p.date desc nulls last, p.id
$$;

-- Counts per facet value. Each facet applies all other filters but not its own, so that the counts
-- say what choosing that value would give.
create function public.search_facets(
  q text,
  kinds text[] default null,
  organization uuid default null,
  date_from date default null,
  date_to date default null,
  ptype text default null,
  decision text default null
) returns jsonb
language sql stable security invoker set search_path = '' as $$
  with hits as materialized (
    select d.kind, d.organization_ids, d.date, d.paper_type, d.result,
      (kinds is null or d.kind = any (kinds)) as k_ok,
      (organization is null or d.organization_ids @> array[organization]) as o_ok,
      (date_from is null or d.date >= date_from) and (date_to is null or d.date <= date_to) as d_ok,
      (ptype is null or d.paper_type = ptype) as t_ok,
      (decision is null or d.result = decision) as r_ok
    from search.match_ids(search.query(q)) m
    join search.documents d on d.id = m.id
  )
  select jsonb_build_object(
    'total', (select count(*) from hits where k_ok and o_ok and d_ok and t_ok and r_ok),
    'kind', (select coalesce(jsonb_object_agg(kind, n), '{}') from (
      select kind, count(*) n from hits where o_ok and d_ok and t_ok and r_ok group by kind) x),
    'paper_type', (select coalesce(jsonb_object_agg(paper_type, n), '{}') from (
      select paper_type, count(*) n from hits
      where paper_type is not null and k_ok and o_ok and d_ok and r_ok group by paper_type) x),
    'result', (select coalesce(jsonb_object_agg(result, n), '{}') from (
      select result, count(*) n from hits
      where result is not null and k_ok and o_ok and d_ok and t_ok group by result) x),
    'year', (select coalesce(jsonb_object_agg(y, n), '{}') from (
      select extract(year from date)::int::text y, count(*) n from hits
      where date is not null and k_ok and o_ok and t_ok and r_ok group by 1) x),
    'organization', (select coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'count', x.n)
        order by x.n desc, o.name), '[]')
      from (select unnest(organization_ids) oid, count(*) n from hits
            where k_ok and d_ok and t_ok and r_ok group by 1) x
      join public.organizations o on o.id = x.oid))
$$;

create function public.search_autocomplete(q text, max_items int default 8)
returns table (kind text, source_id uuid, parent_id uuid, title text, reference text)
language sql stable security invoker set search_path = '' as $$
  select d.kind, d.source_id, d.parent_id, d.title, d.reference
  from search.title_candidates(left(btrim(q), 100), 50) m
  join search.documents d on d.id = m
  where char_length(btrim(q)) >= 2
  order by (d.reference is not null and d.reference like search.like_escape(btrim(q)) || '%') desc,
    extensions.word_similarity(search.fold(q), search.fold(d.title)) desc,
    array_position(array['organization', 'person', 'paper', 'meeting'], d.kind), d.title
  limit least(greatest(max_items, 1), 20)
$$;

-- "Did you mean": every word of the query that finds nothing visible is replaced by the most
-- similar title word that does. Null when there is nothing to correct or no correction finds
-- anything.
create function public.search_did_you_mean(q text) returns text
language plpgsql stable security invoker set search_path = '' as $$
declare
  w text;
  candidate text;
  corrected text[] := '{}';
  changed boolean := false;
begin
  foreach w in array regexp_split_to_array(btrim(left(coalesce(q, ''), 500)), '\s+') loop
    if w !~ '^[[:alpha:]]{4,}$' or exists (
      select 1 from search.match_ids(search.query(w), 200) m join search.documents d on d.id = m.id) then
      corrected := corrected || w;
      continue;
    end if;
    select s into candidate from search.similar_words(w) s
    where exists (select 1 from search.match_ids(search.query(s), 200) m
                  join search.documents d on d.id = m.id)
    limit 1;
    if candidate is null then
      corrected := corrected || w;
    else
      corrected := corrected || candidate;
      changed := true;
    end if;
  end loop;
  return case when changed then array_to_string(corrected, ' ') end;
end
$$;

-- ── saved searches ───────────────────────────────────────────────────────────────────────────────
create table public.saved_searches (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 120),
  -- The query string of the results page (q, filters, sort), so a saved search is a permalink.
  query text not null check (char_length(query) <= 3000),
  last_visited_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
create index saved_searches_user_idx on public.saved_searches (user_id, created_at);
alter table public.saved_searches enable row level security;

create policy "own saved searches" on public.saved_searches
  for select to authenticated using (user_id = auth.uid());
create policy "save own searches" on public.saved_searches
  for insert to authenticated with check (user_id = auth.uid());
create policy "update own saved searches" on public.saved_searches
  for update to authenticated using (user_id = auth.uid()) with check (user_id = auth.uid());
create policy "delete own saved searches" on public.saved_searches
  for delete to authenticated using (user_id = auth.uid());
