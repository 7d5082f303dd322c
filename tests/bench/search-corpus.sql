-- Synthetic council corpus for `npm run bench:search`: German text from a fixed vocabulary,
-- deterministic (setseed), loaded with triggers off so that the search documents are built in one
-- timed step afterwards. Sizes: 12,000 meetings × 25 agenda items, 250,000 papers, 100,000 PDFs of
-- 5 pages: 1,062,340 searchable rows. Frequent words (15 title topics, 25 phrases) hit up to a
-- fifth of all rows, the 1,600 compounds a fraction of a percent each. About 2 % of items and papers are non-public, 1 % drafts.
set session_replication_role = replica;
select setseed(0.42);

create temp table vocab as select
  array['Der Ausschuss für Planung und Stadtentwicklung', 'Die Bezirksvertretung', 'Der Rat der Stadt',
    'Die Verwaltung', 'Das Amt für Verkehrsmanagement', 'Die Fraktion', 'Der Umweltausschuss',
    'Der Schulausschuss', 'Der Bauausschuss', 'Die Stadtkämmerei'] as subj,
  array['beschließt', 'empfiehlt', 'nimmt zur Kenntnis', 'lehnt ab', 'beauftragt die Verwaltung mit',
    'vertagt', 'prüft', 'begrüßt', 'unterstützt', 'bewertet'] as verb,
  array['den Bebauungsplan', 'die Bebauungspläne', 'die Sanierung der Grundschule',
    'den Ausbau des Radwegs', 'die Radwege', 'die Erweiterung der Kindertagesstätte',
    'den Neubau der Feuerwache', 'die Umgestaltung der Kölner Straße',
    'die Verkehrsberuhigung in der Hafenstraße', 'den Haushaltsplan', 'die Parkraumbewirtschaftung',
    'den Klimaschutz', 'die Baumpflanzungen', 'die Straßenbahnlinie', 'den Spielplatz',
    'die Begrünung der Dächer', 'den geförderten Wohnungsbau', 'die Schulwegsicherung',
    'die Barrierefreiheit der Haltestellen', 'die Förderung des Ehrenamts',
    'die Denkmalschutzsatzung', 'den Lärmaktionsplan', 'die Hochwasserschutzanlage',
    'die Fahrradstraße', 'das Quartierszentrum'] as obj,
  array['im Stadtteil Lindenau', 'an der Königsallee', 'in Eichenried', 'am Rheinufer',
    'im Werftviertel', 'in der Altstadt', 'an der Brückenstraße', 'in der Talstraße',
    'an der Mühlenstraße', 'in Rheinbogen', 'am Südpark', 'an der Hauptstraße'] as place,
  array['mit Kosten von rund 2,4 Mio. Euro', 'nach Abschluss der frühzeitigen Öffentlichkeitsbeteiligung',
    'gemäß der Stellungnahme des Fachamtes', 'unter Berücksichtigung der Einwendungen',
    'im Rahmen des Mobilitätskonzepts 2030', 'vorbehaltlich der Bereitstellung der Haushaltsmittel',
    'zum nächsten Sitzungstermin', 'entsprechend der Anlage 2', 'für die Jahre 2026 bis 2028',
    'auf Antrag der Bezirksvertretung'] as tail,
  array['Bebauungsplan', 'Ausbau des Radwegs', 'Sanierung der Grundschule', 'Neubau der Kita',
    'Umgestaltung des Platzes', 'Verkehrsberuhigung', 'Haushaltssatzung', 'Straßenbahnverlängerung',
    'Lärmschutzwand', 'Parkraumkonzept', 'Spielplatzerneuerung', 'Baumschutzsatzung',
    'Denkmalschutz', 'Hochwasserschutz', 'Quartiersentwicklung'] as topic,
  array['Lindenau', 'Eichenried', 'Rheinufer', 'Werftviertel', 'Altstadt', 'Rheinbogen', 'Südpark',
    'Nordstadt', 'Hafen', 'Oberbilk'] as district,
  array['Brückenstraße', 'Kölner Straße', 'Hafenstraße', 'Talstraße', 'Mühlenstraße',
    'Königsallee', 'Hauptstraße', 'Lindenweg', 'Am Markt', 'Schulstraße'] as street,
  array['Aufstellungsbeschluss', 'Satzungsbeschluss', 'Beschluss zur öffentlichen Auslegung',
    'frühzeitige Öffentlichkeitsbeteiligung', 'Vergabe', 'Sachstandsbericht', 'Kostenerhöhung'] as stage,
  array['Beschlussvorlage', 'Mitteilungsvorlage', 'Antrag', 'Anfrage', 'Änderungsantrag'] as ptype,
  array['angenommen', 'abgelehnt', 'vertagt', 'geändert angenommen', 'zur Kenntnis genommen'] as result,
  -- 1,600 compounds give the long tail of a real vocabulary: most words are rare.
  array(select p || s from unnest(array['Verkehrs', 'Schul', 'Wohnungs', 'Klima', 'Umwelt',
      'Hochwasser', 'Denkmal', 'Spielplatz', 'Radverkehrs', 'Lärm', 'Baum', 'Friedhofs', 'Sport',
      'Kultur', 'Jugend', 'Senioren', 'Integrations', 'Gewerbe', 'Hafen', 'Bahnhofs', 'Park',
      'Energie', 'Abwasser', 'Abfall', 'Feuerwehr', 'Rettungs', 'Kita', 'Quartiers', 'Stadtteil',
      'Brücken', 'Straßen', 'Tunnel', 'Markt', 'Bäder', 'Bibliotheks', 'Museums', 'Tourismus',
      'Wirtschafts', 'Digitalisierungs', 'Beleuchtungs']) p,
    unnest(array['konzept', 'satzung', 'plan', 'gutachten', 'förderprogramm', 'maßnahme',
      'sanierung', 'erweiterung', 'neubau', 'bericht', 'strategie', 'verordnung', 'leitlinie',
      'masterplan', 'wettbewerb', 'studie', 'entwicklungsplan', 'kataster', 'beirat', 'fonds',
      'vertrag', 'richtlinie', 'prüfung', 'initiative', 'programm', 'projekt', 'anlage', 'zentrum',
      'netz', 'haushalt', 'budget', 'konzeption', 'offensive', 'monitoring', 'management',
      'pauschale', 'kommission', 'vereinbarung', 'analyse', 'zuschuss']) s) as compound;

create temp table sentences as
select n, format('%s %s %s %s %s.',
    v.subj[1 + floor(random() * 10)::int], v.verb[1 + floor(random() * 10)::int],
    case when random() < 0.3 then v.obj[1 + floor(random() * 25)::int]
      else v.compound[1 + floor(random() * 1600)::int] end, v.place[1 + floor(random() * 12)::int],
    v.tail[1 + floor(random() * 10)::int]) as s
from generate_series(0, 4999) n, vocab v;
create unique index on sentences (n);
-- Row-wise lookups go through joins: indexing a large array per row would copy it every time.
create temp table compounds as select n - 1 as n, c from vocab v, unnest(v.compound) with ordinality as x(c, n);
create unique index on compounds (n);
analyze sentences;
analyze compounds;

insert into public.bodies (id, name, published_at)
values ('00000000-0000-4000-8000-000000000001', 'Benchstadt', now() - interval '1 day');

create temp table orgs as
select n, gen_random_uuid() as id,
  case when n = 0 then 'Rat der Stadt Benchstadt'
       when n <= 10 then 'Bezirksvertretung ' || n
       else (array['Ausschuss für Planung und Stadtentwicklung', 'Ordnungs- und Verkehrsausschuss',
         'Umweltausschuss', 'Schulausschuss', 'Bauausschuss', 'Finanzausschuss', 'Sozialausschuss',
         'Kulturausschuss', 'Sportausschuss', 'Jugendhilfeausschuss'])[1 + (n - 11) % 10]
         || case when n > 20 then ' ' || n else '' end end as name
from generate_series(0, 39) n;
insert into public.organizations (id, body_id, name, organization_type, published_at)
select id, '00000000-0000-4000-8000-000000000001', name,
  case when n = 0 then 'council' when n <= 10 then 'district_council' else 'committee' end::public.organization_type,
  now() - interval '1 day'
from orgs;

insert into public.persons (id, body_id, name, family_name, given_name, published_at)
select gen_random_uuid(), '00000000-0000-4000-8000-000000000001', g || ' ' || f, f, g, now() - interval '1 day'
from generate_series(1, 300) n,
  lateral (select (array['Anna', 'Bernd', 'Claudia', 'Dieter', 'Elif', 'Frank', 'Gül', 'Heike', 'Jörg', 'Katrin'])[1 + n % 10] as g,
    (array['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
      'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun',
      'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Schmid'])[1 + (n / 10) % 30] as f) x;

create temp table mt as
select n, gen_random_uuid() as id, 1 + n % 40 as org_n from generate_series(0, 11999) n;
insert into public.meetings (id, body_id, name, start_at, meeting_state, published_at)
select mt.id, '00000000-0000-4000-8000-000000000001', o.name || ', ' || (mt.n / 40 + 1) || '. Sitzung',
  timestamptz '2015-01-05 17:00+01' + mt.n * interval '7 hours 40 minutes', 'durchgefuehrt',
  case when mt.n % 100 = 0 then null else now() - interval '1 day' end
from mt join orgs o on o.n = mt.org_n - 1;
insert into public.meeting_organizations (meeting_id, organization_id)
select mt.id, o.id from mt join orgs o on o.n = mt.org_n - 1;

create temp table it as
select (m.n * 25 + k)::bigint as n, gen_random_uuid() as id, m.id as meeting_id, k
from mt m, generate_series(1, 25) k;
insert into public.agenda_items (id, meeting_id, number, "order", name, public, result,
  resolution_text, published_at)
select it.id, it.meeting_id, k::text, k,
  format('%s %s – %s, %s – %s', v.topic[1 + (it.n * 7) % 15],
    case when (it.n * 7) % 15 = 0 then 'Nr. ' || (5000 + it.n % 1999) || '/' || lpad((it.n % 997)::text, 3, '0') else '' end,
    v.district[1 + (it.n * 3) % 10], v.street[1 + (it.n * 11) % 10], v.stage[1 + (it.n * 13) % 7]),
  it.n % 50 <> 0, v.result[1 + (it.n * 17) % 5], s1.s || ' ' || s2.s, now() - interval '1 day'
from it cross join vocab v
join sentences s1 on s1.n = (it.n * 7919) % 5000
join sentences s2 on s2.n = (it.n * 104729) % 5000;

create temp table pt as
select n, gen_random_uuid() as id,
  lpad(((n % 99999) + 1)::text, 5, '0') || '/' || (2000 + n / 99999) as reference
from generate_series(0, 249999) n;
insert into public.papers (id, body_id, reference, name, paper_type, date, public, published_at)
select pt.id, '00000000-0000-4000-8000-000000000001', pt.reference,
  format('%s: %s – %s – %s, %s', v.ptype[1 + pt.n % 5], v.topic[1 + (pt.n * 7) % 15],
    c.c, v.district[1 + (pt.n * 3) % 10], v.street[1 + (pt.n * 11) % 10])
    || case when pt.n % 50 = 0 then ' KANARIENVOGEL-NICHTOEFFENTLICH' else '' end,
  v.ptype[1 + pt.n % 5], date '2015-01-01' + (pt.n / 60)::int,
  pt.n % 50 <> 0, case when pt.n % 100 = 1 then null else now() - interval '1 day' end
from pt cross join vocab v join compounds c on c.n = (pt.n * 37) % 1600;
insert into public.consultations (paper_id, agenda_item_id, meeting_id, organization_id, role,
  authoritative)
select pt.id, it.id, it.meeting_id, o.id, 'beschliessend', true
from pt join it on it.n = pt.n join mt on mt.id = it.meeting_id join orgs o on o.n = mt.org_n - 1;

create temp table ft as
select n, gen_random_uuid() as id from generate_series(0, 99999) n;
insert into public.files (id, name, file_name, storage_path, page_count, public, published_at)
select ft.id, 'Vorlage ' || pt.reference, 'vorlage-' || ft.n || '.pdf', 'bench/' || ft.n || '.pdf', 5,
  true, now() - interval '1 day'
from ft join pt on pt.n = ft.n;
update public.papers p set main_file_id = ft.id from ft join pt on pt.n = ft.n where p.id = pt.id;
insert into public.file_pages (file_id, page_number, content)
select ft.id, pg, 'Vorlage ' || pt.reference || ' Seite ' || pg || E'\n'
  || s1.s || ' ' || s2.s || ' ' || s3.s || ' ' || s4.s || ' ' || s5.s || ' ' || s6.s
  || case when ft.n % 50 = 0 then ' KANARIENVOGEL-NICHTOEFFENTLICH' else '' end
from ft join pt on pt.n = ft.n cross join generate_series(1, 5) pg
join sentences s1 on s1.n = (ft.n * 31 + pg * 7919) % 5000
join sentences s2 on s2.n = (ft.n * 131 + pg * 104729) % 5000
join sentences s3 on s3.n = (ft.n * 17 + pg * 1299709) % 5000
join sentences s4 on s4.n = (ft.n * 7 + pg * 15485863) % 5000
join sentences s5 on s5.n = (ft.n * 3 + pg * 32452843) % 5000
join sentences s6 on s6.n = (ft.n * 11 + pg * 49979687) % 5000;

set session_replication_role = origin;
analyze;
