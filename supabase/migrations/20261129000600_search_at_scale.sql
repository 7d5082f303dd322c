-- Search at scale: answers in tens of milliseconds on a million documents, also for words that
-- occur in a third of them.
--
-- What was slow: every query ranked and counted all of its hits, and checked each one against
-- RLS by a second lookup. A word like "Königsallee" has 300,000 hits in the benchmark corpus;
-- reading them all takes about a second whatever the plan.
--
-- What changes
--   * Filters are part of the index. Each document's tsvector gets one token per filter value
--     (kind, organization, year, paper type, result), so a filtered query is a single GIN lookup.
--     Tokens start with "§", which the text parser never produces from text or from a query, so
--     they cannot be searched for or collide with a word; values are hashed, so no input reaches
--     tsquery syntax.
--   * Counts are exact up to 10,000 hits (search.exact_limit(); Elasticsearch's track_total_hits
--     makes the same choice). Beyond that, total and facet counts are estimated from a fixed 1 %
--     sample of the table and flagged as estimates; the UI says "ca.". Every hit stays reachable:
--     pages and the CSV export have no cap.
--   * Ranking: up to the limit, all hits are ranked by ts_rank as before. Beyond it, hits whose
--     title or reference alone matches the query come first (ranked by ts_rank when there are at
--     most 10,000 of them, else newest first), then the others, newest first. Both orders walk
--     the date index and stop after one page instead of sorting every hit, unless the sample
--     shows the walk would pass many rows before the first hit (then the hits are sorted).
--   * Visibility: the public branch of the RLS policy on search.documents (public and published)
--     is evaluated inline inside the SECURITY DEFINER matcher, which is what lets it use the GIN
--     index. Everything else a signed-in user may see is found as candidate ids (non-public,
--     drafts, scheduled) and filtered by the caller's own RLS before the matcher may count it.
--     Rows returned to the caller are read from search.documents under RLS once more.

-- ── filter tokens ────────────────────────────────────────────────────────────────────────────────
create function search.filter_token(p_dimension text, p_value text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select '§' || p_dimension || left(md5(p_value), 16)
$$;

create function search.filter_tokens(p_kind text, p_orgs uuid[], p_date date, p_ptype text,
  p_result text) returns tsvector
language sql immutable parallel safe set search_path = '' as $$
  select array_to_tsvector(array_remove(array[
      search.filter_token('k', p_kind),
      search.filter_token('y', extract(year from p_date)::int::text),
      search.filter_token('t', p_ptype),
      search.filter_token('r', p_result)]
    || array(select search.filter_token('o', o::text) from unnest(p_orgs) o), null))
$$;

-- One token as a tsquery. Tokens are "§", a letter and hex digits: nothing to quote.
create function search.token_query(p_token text) returns tsquery
language sql immutable parallel safe set search_path = '' as $$
  select ('''' || p_token || '''')::tsquery
$$;

-- The filters as one tsquery (null without filters). A date range becomes its years (when it
-- spans at most 50 of them); the exact days are checked on the rows afterwards.
create function search.filter_query(p_kinds text[], p_organization uuid, p_date_from date,
  p_date_to date, p_ptype text, p_decision text) returns tsquery
language plpgsql stable parallel safe set search_path = '' as $$
declare
  result tsquery;
  part tsquery;
  y0 int := extract(year from p_date_from)::int;
  y1 int := extract(year from p_date_to)::int;
begin
  if p_kinds is not null and cardinality(p_kinds) > 0 then
    select string_agg(search.token_query(search.filter_token('k', k))::text, ' | ')::tsquery
      into part from unnest(p_kinds) k;
    result := part;
  end if;
  if p_organization is not null then
    part := search.token_query(search.filter_token('o', p_organization::text));
    result := case when result is null then part else result && part end;
  end if;
  if y0 is not null or y1 is not null then
    y0 := coalesce(y0, 1900);
    y1 := coalesce(y1, extract(year from now())::int + 5);
    if y1 >= y0 and y1 - y0 <= 50 then
      select string_agg(search.token_query(search.filter_token('y', y::text))::text, ' | ')::tsquery
        into part from generate_series(y0, y1) y;
      result := case when result is null then part else result && part end;
    end if;
  end if;
  if p_ptype is not null then
    part := search.token_query(search.filter_token('t', p_ptype));
    result := case when result is null then part else result && part end;
  end if;
  if p_decision is not null then
    part := search.token_query(search.filter_token('r', p_decision));
    result := case when result is null then part else result && part end;
  end if;
  return result;
end
$$;

-- The query and the filters as what the GIN index matches.
create function search.with_filters(p_query tsquery, p_kinds text[], p_organization uuid,
  p_date_from date, p_date_to date, p_ptype text, p_decision text) returns tsquery
language sql stable parallel safe set search_path = '' as $$
  select coalesce(p_query && search.filter_query(p_kinds, p_organization, p_date_from, p_date_to,
    p_ptype, p_decision), p_query)
$$;

create function search.add_filter_tokens() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.tsv := new.tsv || search.filter_tokens(new.kind, new.organization_ids, new.date,
    new.paper_type, new.result);
  return new;
end
$$;
create trigger add_filter_tokens before insert on search.documents
  for each row execute function search.add_filter_tokens();
update search.documents set tsv = tsv || search.filter_tokens(kind, organization_ids, date,
  paper_type, result);

-- ── indexes ──────────────────────────────────────────────────────────────────────────────────────
-- Titles and references alone (weight A), for "title hits first".
create index documents_title_tsv_idx on search.documents using gin (ts_filter(tsv, '{a}'));
-- What only signed-in users may see: non-public rows and drafts (scheduled rows: published_at).
create index documents_restricted_tsv_idx on search.documents using gin (tsv)
  where not public or published_at is null;
create index documents_published_idx on search.documents (published_at);
-- Newest and oldest first, with the id as tie-breaker, so that a page is one index walk.
drop index search.documents_date_idx;
create index documents_newest_idx on search.documents (date desc nulls last, id desc);
create index documents_oldest_idx on search.documents (date, id);
create index documents_kind_newest_idx on search.documents (kind, date desc nulls last, id desc);
-- The few documents without a date (persons, bodies), which an export lists last.
create index documents_undated_idx on search.documents (id desc) where date is null;

-- ── matching (SECURITY DEFINER: ids, ranks and counts of what the caller may see) ───────────────
-- Up to how many hits counts are exact: 10,000. The setting search.exact_limit exists for tests,
-- which show the estimates on the small demo data with it; the API cannot set it.
create function search.exact_limit() returns int
language sql stable parallel safe set search_path = '' as $$
  select coalesce(nullif(current_setting('search.exact_limit', true), '')::int, 10000)
$$;

-- Which 1 % of the table's pages the estimates sample: always the same, so that an estimate does
-- not change from one page of results to the next. The setting search.sample_seed exists for
-- tests, which check the estimates against several samples.
create function search.sample_seed() returns float8
language sql stable parallel safe set search_path = '' as $$
  select coalesce(nullif(current_setting('search.sample_seed', true), '')::float8, 0)
$$;

-- Ids of matching documents outside the public branch of the policy, for the caller to filter
-- under RLS. Anonymous callers have none.
create function search.restricted_ids(p_query tsquery) returns setof bigint
language sql stable security definer set search_path = '' as $$
  (select d.id from search.documents d
   where (not d.public or d.published_at is null) and d.tsv operator(pg_catalog.@@) p_query
   limit search.exact_limit())
  union
  (select d.id from search.documents d
   where d.published_at > now() and d.tsv operator(pg_catalog.@@) p_query
   limit search.exact_limit())
$$;

-- The rows of the caller's search: visible (public and published, or among p_extra, which the
-- caller's RLS produced), matching p_match (query and filter tokens), and within the exact days
-- and publication time. Only search.page() calls it, as the definer. It has no SET clause and is
-- not SECURITY DEFINER so that Postgres inlines it: the caller's ORDER BY and LIMIT then reach
-- the indexes instead of sorting every hit (everything in it is schema-qualified).
create function search.visible_hits(p_match tsquery, p_extra bigint[], p_date_from date,
  p_date_to date, p_published_since timestamptz)
returns setof search.documents
language sql stable as $$
  select d.* from search.documents d
  where d.tsv operator(pg_catalog.@@) p_match
    and (d.public and d.published_at operator(pg_catalog.<=) pg_catalog.now()
      or pg_catalog.cardinality(p_extra) operator(pg_catalog.>) 0
        and d.id in (select pg_catalog.unnest(p_extra)))
    and (p_date_from is null or d.date operator(pg_catalog.>=) p_date_from)
    and (p_date_to is null or d.date operator(pg_catalog.<=) p_date_to)
    and (p_published_since is null or d.published_at operator(pg_catalog.>) p_published_since)
$$;
revoke execute on function search.visible_hits(tsquery, bigint[], date, date, timestamptz)
  from public, anon, authenticated;

-- The same rows in a fixed 1 % sample of the table's pages (search.sample_seed()), for estimates.
create function search.sampled_hits(p_match tsquery, p_extra bigint[], p_date_from date,
  p_date_to date, p_published_since timestamptz)
returns setof search.documents
language sql stable as $$
  select d.* from search.documents d tablesample system (1) repeatable (search.sample_seed())
  where d.tsv operator(pg_catalog.@@) p_match
    and (d.public and d.published_at operator(pg_catalog.<=) pg_catalog.now()
      or pg_catalog.cardinality(p_extra) operator(pg_catalog.>) 0
        and d.id in (select pg_catalog.unnest(p_extra)))
    and (p_date_from is null or d.date operator(pg_catalog.>=) p_date_from)
    and (p_date_to is null or d.date operator(pg_catalog.<=) p_date_to)
    and (p_published_since is null or d.published_at operator(pg_catalog.>) p_published_since)
$$;
revoke execute on function search.sampled_hits(tsquery, bigint[], date, date, timestamptz)
  from public, anon, authenticated;

-- An estimate as people say it: two significant digits.
create function search.rough(p_n bigint) returns bigint
language sql immutable parallel safe set search_path = '' as $$
  select case when p_n > 0 then round(p_n, 1 - floor(log(p_n))::int)::bigint else 0 end
$$;

-- An estimated total: never below what the exact count already passed.
create function search.rounded_estimate(p_sampled bigint) returns bigint
language sql stable parallel safe set search_path = '' as $$
  select greatest(search.exact_limit() + 1, search.rough(p_sampled))
$$;

-- Whether k hits in the 1 % sample show clearly (two standard deviations) that there are more
-- hits than are counted exactly. Otherwise they are counted, up to the limit: a sample of pages
-- finds hits in clumps, so few sampled hits say little (with the limit of 10,000, k ≥ 123 is
-- clearly more; tests with a limit of 40 count up to k = 4).
create function search.sample_exceeds_limit(p_sampled bigint) returns boolean
language sql stable parallel safe set search_path = '' as $$
  select p_sampled - 2 * sqrt(p_sampled) > search.exact_limit() / 100.0
$$;

-- A query that is a reference number puts its paper first, then what else carries the number.
create function search.reference_bonus(p_kind text, p_reference text, p_query text) returns real
language sql immutable parallel safe set search_path = '' as $$
  select case when p_reference is distinct from p_query then 0 when p_kind = 'paper' then 2 else 1 end
$$;

-- A ranked hit, while a page is put together.
create type search.hit as (id bigint, date date, rank real);

-- The planner's estimate of the number of hits: free, and close for single words; it only
-- decides which way to count first. (Volatile only because Postgres allows EXPLAIN nowhere else;
-- it changes nothing.)
create function search.estimated_hits(p_match tsquery, p_extra bigint[], p_date_from date,
  p_date_to date, p_published_since timestamptz) returns bigint
language plpgsql volatile set search_path = '' as $$
declare
  plan json;
begin
  execute 'explain (format json) select 1 from search.visible_hits($1, $2, $3, $4, $5)'
    into plan using p_match, p_extra, p_date_from, p_date_to, p_published_since;
  return (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
end
$$;
revoke execute on function search.estimated_hits(tsquery, bigint[], date, date, timestamptz)
  from public, anon, authenticated;

-- Hits in date order, for result sets known to be large (at least 1 % of the table): one walk
-- down the date index that stops after the page. The planner cannot know that a phrase is
-- common (it guesses phrases rare), so bitmap scans and sorts are switched off here, leaving
-- it the index walk. p_titles: only hits whose title matches p_title (true), only the others
-- (false) or all (null). With one kind asked for, the walk goes through that kind's rows only:
-- kinds are not spread evenly over time (files, say, may all be older than the newest
-- meetings), and a walk through other kinds' rows would find nothing for a long way. When the
-- sample shows that the hits start far down the index anyway (a body that only existed years
-- ago, say), p_sorted asks for the hits through the GIN index, sorted, instead: that costs in
-- proportion to the hits, a walk in proportion to what it passes.
create function search.walk(p_match tsquery, p_extra bigint[], p_date_from date, p_date_to date,
  p_published_since timestamptz, p_title tsquery, p_titles boolean, p_oldest boolean,
  p_kind text, p_limit int, p_offset int, p_sorted boolean default false)
returns setof search.hit
language plpgsql stable
set search_path = '' set enable_bitmapscan = off set enable_seqscan = off set enable_sort = off
set enable_indexscan = on
as $$
begin
  if p_sorted then
    perform set_config('enable_bitmapscan', 'on', true), set_config('enable_sort', 'on', true),
      set_config('enable_indexscan', 'off', true);
  end if;
  return query execute format(
    'select v.id, v.date, 0::real
     from search.visible_hits($1, $2, $3, $4, $5) v
     where ($7 is null or (ts_filter(v.tsv, ''{a}'') operator(pg_catalog.@@) $6) = $7) %s
     order by %s limit $9 offset $10',
    case when p_kind is not null then 'and v.kind = $8' else '' end,
    -- Rows of one kind (meetings, items, papers, files) all have a date: nulls first or last is
    -- the same for them, and the backward walk of the kind index gives nulls first.
    case when not p_oldest then 'v.date desc nulls last, v.id desc'
         when p_kind is not null then 'v.date asc nulls first, v.id'
         else 'v.date asc nulls last, v.id' end)
    using p_match, p_extra, p_date_from, p_date_to, p_published_since, p_title, p_titles, p_kind,
      p_limit, p_offset;
end
$$;
revoke execute on function search.walk(tsquery, bigint[], date, date, timestamptz, tsquery, boolean,
  boolean, text, int, int, boolean) from public, anon, authenticated;

-- What the 1 % sample says about a large result: how many hits and title hits it holds (sample
-- rows, not yet scaled), and the dates of the newest and oldest hits, overall, among title hits
-- and among the others: where a walk down the date index would find its first hit.
create function search.sample_profile(p_query tsquery, p_match tsquery, p_extra bigint[],
  p_date_from date, p_date_to date, p_published_since timestamptz)
returns table (hits bigint, titles bigint, newest date, oldest date, newest_title date,
  newest_other date)
language sql stable set search_path = '' as $$
  select count(*), count(*) filter (where h.title), max(h.date), min(h.date),
    max(h.date) filter (where h.title), max(h.date) filter (where not h.title)
  from (select s.date, ts_filter(s.tsv, '{a}') operator(pg_catalog.@@) p_query as title
        from search.sampled_hits(p_match, p_extra, p_date_from, p_date_to, p_published_since) s) h
$$;

-- How many rows a walk down the date index passes before it reaches p_date (newest first: the
-- rows after it; oldest first: before it). Over all rows the planner's estimate from the date
-- histogram is close and free. Within one kind it is not (it takes date and kind as independent,
-- which is the very thing a kind walk cannot assume), so the 1 % sample counts instead.
-- (Volatile for EXPLAIN, as search.estimated_hits().)
create function search.rows_before(p_date date, p_oldest boolean, p_kind text, p_date_from date,
  p_date_to date) returns bigint
language plpgsql volatile set search_path = '' as $$
declare
  plan json;
  n bigint;
begin
  if p_date is null then return 0; end if;
  if p_kind is not null then
    select count(*) * 100 into n
    from search.documents d tablesample system (1) repeatable (search.sample_seed())
    where d.kind = p_kind
      and case when p_oldest then d.date < p_date else d.date > p_date end
      and (p_date_from is null or d.date >= p_date_from) and (p_date_to is null or d.date <= p_date_to);
    return n;
  end if;
  execute format('explain (format json) select 1 from search.documents d
      where d.date %s $1 and ($2::date is null or d.date >= $2) and ($3::date is null or d.date <= $3)',
      case when p_oldest then '<' else '>' end)
    into plan using p_date, p_date_from, p_date_to;
  return (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
end
$$;
revoke execute on function search.sample_profile(tsquery, tsquery, bigint[], date, date,
  timestamptz), search.rows_before(date, boolean, text, date, date)
  from public, anon, authenticated;

-- Whether to ask the sample before counting: when the planner expects more hits than are
-- counted exactly, or more than 1,000 for a phrase (the planner guesses phrases far too rare).
create function search.worth_sampling(p_estimate bigint, p_query tsquery) returns boolean
language sql stable parallel safe set search_path = '' as $$
  select p_estimate > search.exact_limit() * 3 / 2
    or p_estimate > 1000 and p_query::text ~ '<(-|[0-9]+)>'
$$;

-- One page of hits with the total and whether it is exact.
--   * Few hits (see search.worth_sampling() and search.sample_exceeds_limit()):
--     up to 10,000 are fetched and ranked; fewer, and that is the exact answer.
--   * Many: the sample gives the estimated total and says whether the title hits are many too;
--     the page is then one walk down the date index per tier (see the header). A tier with few
--     hits is fetched through the GIN index instead, so no walk searches in vain.
create function search.page(p_query tsquery, p_match tsquery, p_extra bigint[],
  p_date_from date, p_date_to date, p_published_since timestamptz, p_sort text, p_limit int,
  p_offset int, p_ref text, p_kind text)
returns table (id bigint, rank real, total bigint, exact boolean)
language plpgsql stable security definer set search_path = '' as $$
declare
  cap int := search.exact_limit();
  hits search.hit[];
  sampled bigint;
  sampled_titles bigint;
  want int := p_offset + p_limit;
  n_title bigint;
  estimate bigint;
  profile record;
  -- A walk that passes this many rows or more before its first hit is slower than sorting the
  -- hits: 50,000. Tests set search.walk_budget to take either way (0: always sort).
  walk_budget constant int := coalesce(nullif(current_setting('search.walk_budget', true), '')::int,
    search.exact_limit() * 5);
begin
  if search.worth_sampling(
      search.estimated_hits(p_match, p_extra, p_date_from, p_date_to, p_published_since), p_match)
  then
    select * into profile from search.sample_profile(p_query, p_match, p_extra, p_date_from,
      p_date_to, p_published_since);
    sampled := profile.hits;
    sampled_titles := profile.titles;
  end if;
  if not search.sample_exceeds_limit(coalesce(sampled, 0)) then
    select array_agg(row(h.id, h.date,
        ts_rank(h.tsv, p_query, 1) + search.reference_bonus(h.kind, h.reference, p_ref))::search.hit)
      into hits
    from (select * from search.visible_hits(p_match, p_extra, p_date_from, p_date_to,
            p_published_since)
          limit cap + 1) h;
    if coalesce(cardinality(hits), 0) <= cap then
      return query
        select x.id, x.rank, coalesce(cardinality(hits), 0)::bigint, true from unnest(hits) x
        order by
          case when p_sort = 'newest' then x.date end desc nulls last,
          case when p_sort = 'oldest' then x.date end asc nulls last,
          x.rank desc, x.date desc nulls last, x.id
        limit p_limit offset p_offset;
      return;
    end if;
    if sampled is null then
      select * into profile from search.sample_profile(p_query, p_match, p_extra, p_date_from,
        p_date_to, p_published_since);
      sampled := profile.hits;
      sampled_titles := profile.titles;
    end if;
  end if;
  estimate := search.rounded_estimate(sampled * 100);

  if p_sort in ('newest', 'oldest') then
    return query select w.id, 0::real, estimate, false
      from search.walk(p_match, p_extra, p_date_from, p_date_to, p_published_since, p_query, null,
        p_sort = 'oldest', p_kind, p_limit, p_offset,
        search.rows_before(case when p_sort = 'oldest' then profile.oldest else profile.newest end,
          p_sort = 'oldest', p_kind, p_date_from, p_date_to) >= walk_budget) w;
    return;
  end if;

  -- Relevance: title hits first (few: ranked; many: newest first), then the rest, newest first.
  if sampled_titles * 100 <= cap then
    select array_agg(row(h.id, h.date, ts_rank(h.tsv, p_query, 1))::search.hit) into hits
    from (select * from search.visible_hits(p_match, p_extra, p_date_from, p_date_to,
            p_published_since) v
          where ts_filter(v.tsv, '{a}') operator(pg_catalog.@@) p_query
          limit cap + 1) h;
    n_title := coalesce(cardinality(hits), 0);
    hits := array(select x from unnest(hits) x
                  order by x.rank desc, x.date desc nulls last, x.id desc limit want);
  end if;
  if n_title is null or n_title > cap then
    -- The walk finds the title hits of this page; fewer than wanted means they end here.
    hits := array(select w from search.walk(p_match, p_extra, p_date_from, p_date_to,
      p_published_since, p_query, true, false, p_kind, want, 0,
      search.rows_before(profile.newest_title, false, p_kind, p_date_from, p_date_to)
        >= walk_budget) w);
    n_title := cardinality(hits);
  end if;
  if want > n_title then
    if (sampled - sampled_titles) * 100 > cap then
      hits := hits || array(select w from search.walk(p_match, p_extra, p_date_from, p_date_to,
        p_published_since, p_query, false, false, p_kind, want - n_title::int, 0,
        search.rows_before(profile.newest_other, false, p_kind, p_date_from, p_date_to)
          >= walk_budget) w);
    else
      hits := hits || array(
        select row(v.id, v.date, 0)::search.hit
        from search.visible_hits(p_match, p_extra, p_date_from, p_date_to, p_published_since) v
        where not ts_filter(v.tsv, '{a}') operator(pg_catalog.@@) p_query
        order by v.date desc nulls last, v.id desc
        limit want - n_title);
    end if;
  end if;
  return query
    select x.id, x.rank, estimate, false from unnest(hits) with ordinality x
    order by x.ordinality limit p_limit offset p_offset;
end
$$;

-- Facet counts of the 1 % sample, scaled to the table. When the filtered total is known exactly
-- (p_known), the sample must not contradict it: a facet whose own filter is unset counts within
-- the total, so no value may exceed it; a facet filtered to one value (p_chosen) counts exactly
-- the total for that value. p_filtered says whether the facet's own filter is set.
create function search.scale_counts(p_counts jsonb, p_filtered boolean, p_chosen text,
  p_known bigint) returns jsonb
language sql immutable parallel safe set search_path = '' as $$
  select coalesce(jsonb_object_agg(key, case when p_known is not null and not p_filtered
      then least(search.rough(value::bigint * 100), p_known)
      else search.rough(value::bigint * 100) end), '{}')
    || case when p_known is not null and p_chosen is not null
      then jsonb_build_object(p_chosen, p_known) else '{}' end
  from jsonb_each_text(p_counts)
$$;

-- Counts per facet value over what the caller may see. Each facet applies all other filters but
-- not its own, so that a count says what choosing that value would give. Exact when the query
-- has at most 10,000 hits without filters (decided as in search.page()); otherwise counted on the
-- 1 % sample and scaled, and then the filtered total is still exact when it is small.
create function search.facet_counts(p_query tsquery, p_kinds text[], p_organization uuid,
  p_date_from date, p_date_to date, p_ptype text, p_decision text, p_extra bigint[])
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  cap int := search.exact_limit();
  n bigint;
  -- The filtered total when it is counted exactly.
  known bigint;
  exact boolean;
  filtered tsquery := search.filter_query(p_kinds, p_organization, p_date_from, p_date_to,
    p_ptype, p_decision);
  counts jsonb;
begin
  exact := not search.worth_sampling(search.estimated_hits(p_query, p_extra, null, null, null),
      p_query)
    or not search.sample_exceeds_limit((select count(*)
        from search.sampled_hits(p_query, p_extra, null, null, null)));
  loop
    with hits as materialized (
      select d.kind, d.organization_ids, d.date, d.paper_type, d.result,
        (p_kinds is null or d.kind = any (p_kinds)) as k_ok,
        (p_organization is null or d.organization_ids @> array[p_organization]) as o_ok,
        (p_date_from is null or d.date >= p_date_from) and (p_date_to is null or d.date <= p_date_to) as d_ok,
        (p_ptype is null or d.paper_type = p_ptype) as t_ok,
        (p_decision is null or d.result = p_decision) as r_ok
      from (
        (select h.* from search.visible_hits(p_query, p_extra, null, null, null) h where exact
         limit cap + 1)
        union all
        select s.* from search.sampled_hits(p_query, p_extra, null, null, null) s where not exact) d
    )
    select jsonb_build_object(
      'all', (select count(*) from hits),
      'total', (select count(*) from hits where k_ok and o_ok and d_ok and t_ok and r_ok),
      'kind', (select coalesce(jsonb_object_agg(kind, c), '{}') from (
        select kind, count(*) c from hits where o_ok and d_ok and t_ok and r_ok group by kind) x),
      'paper_type', (select coalesce(jsonb_object_agg(paper_type, c), '{}') from (
        select paper_type, count(*) c from hits
        where paper_type is not null and k_ok and o_ok and d_ok and r_ok group by paper_type) x),
      'result', (select coalesce(jsonb_object_agg(result, c), '{}') from (
        select result, count(*) c from hits
        where result is not null and k_ok and o_ok and d_ok and t_ok group by result) x),
      'year', (select coalesce(jsonb_object_agg(y, c), '{}') from (
        select extract(year from date)::int::text y, count(*) c from hits
        where date is not null and k_ok and o_ok and t_ok and r_ok group by 1) x),
      'organization', (select coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name,
          'count', x.c) order by x.c desc, o.name), '[]')
        from (select unnest(organization_ids) oid, count(*) c from hits
              where k_ok and d_ok and t_ok and r_ok group by 1) x
        join public.organizations o on o.id = x.oid))
    into counts;
    exit when not exact or (counts ->> 'all')::bigint <= cap;
    exact := false;
  end loop;
  if exact then
    return (counts - 'all') || jsonb_build_object('exact', true, 'estimated_counts', false);
  end if;
  -- Filters can make a large query small: then the total is counted exactly.
  n := cap + 1;
  if not search.sample_exceeds_limit((counts ->> 'total')::bigint) then
    select count(*) into n from (
      select 1 from search.visible_hits(
        case when filtered is null then p_query else p_query && filtered end, p_extra,
        p_date_from, p_date_to, null)
      limit cap + 1) x;
  end if;
  known := case when n <= cap then n end;
  return jsonb_build_object(
    'total', coalesce(known, search.rounded_estimate((counts ->> 'total')::bigint * 100)),
    'exact', known is not null,
    'estimated_counts', true,
    'kind', search.scale_counts(counts -> 'kind', p_kinds is not null,
      case when cardinality(p_kinds) = 1 then p_kinds[1] end, known),
    'paper_type', search.scale_counts(counts -> 'paper_type', p_ptype is not null, p_ptype, known),
    'result', search.scale_counts(counts -> 'result', p_decision is not null, p_decision, known),
    'year', search.scale_counts(counts -> 'year', p_date_from is not null or p_date_to is not null,
      null, known),
    'organization', (select coalesce(jsonb_agg(e || jsonb_build_object('count', case
        when known is not null and p_organization is null
          then least(search.rough((e ->> 'count')::bigint * 100), known)
        when known is not null and (e ->> 'id')::uuid = p_organization then known
        else search.rough((e ->> 'count')::bigint * 100) end)), '[]')
      from jsonb_array_elements(counts -> 'organization') e));
end
$$;

revoke execute on function search.restricted_ids(tsquery),
  search.page(tsquery, tsquery, bigint[], date, date, timestamptz, text, int, int, text, text),
  search.facet_counts(tsquery, text[], uuid, date, date, text, text, bigint[]) from public;
grant execute on function search.restricted_ids(tsquery),
  search.page(tsquery, tsquery, bigint[], date, date, timestamptz, text, int, int, text, text),
  search.facet_counts(tsquery, text[], uuid, date, date, text, text, bigint[])
  to anon, authenticated, service_role;

-- ── the API (SECURITY INVOKER, as before) ────────────────────────────────────────────────────────

-- Non-public documents matching p_query that the caller's RLS lets through (none for anon).
create function search.caller_restricted_ids(p_query tsquery) returns bigint[]
language sql stable security invoker set search_path = '' as $$
  select case when auth.uid() is null then '{}'::bigint[] else array(
    select d.id from search.restricted_ids(p_query) r join search.documents d on d.id = r) end
$$;

-- Documents as the API returns them, in the order of p_ids (ord), read under the caller's RLS once
-- more; the snippet's text comes from the source row, read under its own RLS. The snippet marks
-- matches with U+E000 … U+E001, private-use characters no document contains, so the app can render
-- <mark> elements while escaping everything else. One query for all ids: called once per row, the
-- same work took 2.5 times as long (330 instead of 130 ms for an export chunk of 1,000 rows).
create function search.present(p_ids bigint[], p_query tsquery)
returns table (ord bigint, id bigint, kind text, source_id uuid, page_number int, parent_id uuid,
  parent_kind text, title text, reference text, snippet text, date date, paper_type text,
  result text, is_public boolean)
language sql stable security invoker set search_path = '' as $$
  select i.ord, d.id, d.kind, d.source_id, d.page_number, d.parent_id, d.parent_kind, d.title,
    d.reference,
    case when coalesce(b.body, '') = '' then '' else ts_headline('public.german_unaccent', b.body,
      p_query, 'StartSel=' || chr(57344) || ', StopSel=' || chr(57345)
        || ', MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
    end,
    d.date, d.paper_type, d.result, d.public and d.published_at <= now()
  from unnest(p_ids) with ordinality i (id, ord)
  join search.documents d on d.id = i.id
  left join lateral (select case d.kind
      when 'file' then (select fp.content from public.file_pages fp
                        where fp.file_id = d.source_id and fp.page_number = d.page_number)
      when 'agenda_item' then (select ai.resolution_text from public.agenda_items ai
                               where ai.id = d.source_id)
      when 'meeting' then (select l.description from public.meetings m
                           join public.locations l on l.id = m.location_id where m.id = d.source_id)
    end as body) b on true
$$;

drop function public.search(text, text[], uuid, date, date, text, text, timestamptz, text, int, int);
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
  total bigint,
  total_exact boolean
)
language plpgsql stable security invoker set search_path = '' as $$
#variable_conflict use_column
declare
  tsq tsquery := search.query(q);
  matching tsquery := search.with_filters(tsq, kinds, organization, date_from, date_to, ptype,
    decision);
begin
  if pg_catalog.numnode(tsq) = 0 then return; end if;
  return query
  with p as (
    select * from search.page(tsq, matching, search.caller_restricted_ids(matching), date_from,
      date_to, published_since, sort, least(greatest(page_limit, 0), 1000),
      greatest(page_offset, 0), btrim(q), case when cardinality(kinds) = 1 then kinds[1] end)
      with ordinality p (id, rank, total, exact, ord))
  select x.kind, x.source_id, x.page_number, x.parent_id, x.parent_kind, x.title, x.reference,
    x.snippet, x.date, x.paper_type, x.result, x.is_public, p.rank, p.total, p.exact
  from search.present(array(select p.id from p order by p.ord), tsq) x
  join p on p.ord = x.ord
  order by x.ord;
end
$$;

-- ── export: every hit, newest first, in chunks ───────────────────────────────────────────────────
-- Paging by offset walks past everything before the page, which makes an export of 300,000 hits
-- quadratic. The export continues after the last row instead (keyset: date, then id; rows
-- without a date last). Inlined into its callers, like search.visible_hits().
create function search.export_rows(p_match tsquery, p_extra bigint[], p_date_from date,
  p_date_to date, p_after_date date, p_after_id bigint, p_limit int)
returns table (id bigint)
language sql stable as $$
  select x.id from (
    (select h.id, h.date from search.visible_hits(p_match, p_extra, p_date_from, p_date_to, null) h
     where h.date is not null and p_after_date is not null
       and (h.date, h.id) operator(pg_catalog.<) (p_after_date, p_after_id)
     order by h.date desc nulls last, h.id desc limit p_limit)
    union all
    (select h.id, h.date from search.visible_hits(p_match, p_extra, p_date_from, p_date_to, null) h
     where h.date is not null and p_after_id is null
     order by h.date desc nulls last, h.id desc limit p_limit)
    union all
    (select h.id, h.date from search.visible_hits(p_match, p_extra, p_date_from, p_date_to, null) h
     where h.date is null
       and (p_after_date is not null or p_after_id is null or h.id operator(pg_catalog.<) p_after_id)
     order by h.id desc limit p_limit)) x
  order by x.date desc nulls last, x.id desc
  limit p_limit
$$;

-- The same as one walk down the date index per chunk, for many hits (see search.walk()).
create function search.export_walk(p_match tsquery, p_extra bigint[], p_date_from date,
  p_date_to date, p_after_date date, p_after_id bigint, p_limit int)
returns table (id bigint)
language sql stable
set search_path = '' set enable_bitmapscan = off set enable_seqscan = off set enable_sort = off
as $$
  select * from search.export_rows(p_match, p_extra, p_date_from, p_date_to, p_after_date,
    p_after_id, p_limit)
$$;
revoke execute on function search.export_rows(tsquery, bigint[], date, date, date, bigint, int),
  search.export_walk(tsquery, bigint[], date, date, date, bigint, int)
  from public, anon, authenticated;

create function search.export_page(p_match tsquery, p_extra bigint[], p_date_from date,
  p_date_to date, p_after_date date, p_after_id bigint, p_limit int)
returns table (id bigint)
language plpgsql stable security definer set search_path = '' as $$
begin
  if search.worth_sampling(
      search.estimated_hits(p_match, p_extra, p_date_from, p_date_to, null), p_match)
    and search.sample_exceeds_limit((select count(*)
         from search.sampled_hits(p_match, p_extra, p_date_from, p_date_to, null)))
  then
    return query select w.id from search.export_walk(p_match, p_extra, p_date_from, p_date_to,
      p_after_date, p_after_id, p_limit) w;
  else
    return query select r.id from search.export_rows(p_match, p_extra, p_date_from, p_date_to,
      p_after_date, p_after_id, p_limit) r;
  end if;
end
$$;
revoke execute on function search.export_page(tsquery, bigint[], date, date, date, bigint, int)
  from public;
grant execute on function search.export_page(tsquery, bigint[], date, date, date, bigint, int)
  to anon, authenticated, service_role;

-- After (after_date, after_id) of the previous chunk's last row; both null for the first chunk.
create function public.search_export(
  q text,
  kinds text[] default null,
  organization uuid default null,
  date_from date default null,
  date_to date default null,
  ptype text default null,
  decision text default null,
  after_date date default null,
  after_id bigint default null,
  page_limit int default 1000
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
  cursor_id bigint
)
language plpgsql stable security invoker set search_path = '' as $$
#variable_conflict use_column
declare
  tsq tsquery := search.query(q);
  matching tsquery := search.with_filters(tsq, kinds, organization, date_from, date_to, ptype,
    decision);
begin
  if pg_catalog.numnode(tsq) = 0 then return; end if;
  return query
  select x.kind, x.source_id, x.page_number, x.parent_id, x.parent_kind, x.title, x.reference,
    x.snippet, x.date, x.paper_type, x.result, x.is_public, x.id
  from search.present(array(
      select e.id from search.export_page(matching, search.caller_restricted_ids(matching),
        date_from, date_to, after_date, after_id, least(greatest(page_limit, 1), 1000))
        with ordinality e (id, ord)
      order by e.ord), tsq) x
  order by x.ord;
end
$$;

create or replace function public.search_facets(
  q text,
  kinds text[] default null,
  organization uuid default null,
  date_from date default null,
  date_to date default null,
  ptype text default null,
  decision text default null
) returns jsonb
language sql stable security invoker set search_path = '' as $$
  select case when pg_catalog.numnode(t.q) = 0 then jsonb_build_object('total', 0, 'exact', true,
      'estimated_counts', false, 'kind', '{}'::jsonb, 'paper_type', '{}'::jsonb, 'result', '{}'::jsonb, 'year', '{}'::jsonb,
      'organization', '[]'::jsonb)
    else search.facet_counts(t.q, kinds, organization, date_from, date_to, ptype, decision,
      search.caller_restricted_ids(t.q)) end
  from (select search.query(q) as q) t
$$;

-- ── keeping documents current: renamed bodies ────────────────────────────────────────────────────
-- Meetings, agenda items and papers are found by the names of their bodies (weight B), so a
-- renamed body refreshes them too, as do its members. Renames are rare. search.on_change() of the
-- search migration refreshes the body itself.
create function search.on_organization_rename() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  meetings uuid[] := array(select meeting_id from public.meeting_organizations
                           where organization_id = new.id);
begin
  perform search.refresh_meetings(meetings);
  perform search.refresh_agenda_items(array(
    select id from public.agenda_items where meeting_id = any (meetings)));
  perform search.refresh_papers(array(
    select paper_id from public.consultations where organization_id = new.id
    union select id from public.papers where originator_organization_id = new.id));
  perform search.refresh_persons(array(
    select person_id from public.memberships where organization_id = new.id));
  return null;
end
$$;
create trigger search_documents_rename after update of name, short_name on public.organizations
  for each row when ((old.name, old.short_name) is distinct from (new.name, new.short_name))
  execute function search.on_organization_rename();
