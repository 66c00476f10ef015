-- Search at the bench volume (issue 10): :tenants tenants × 100 cases × 50 running-log entries, the engagement
-- schema's search configurations, indexes and row-level security as in V3/V13 (the parts search touches).
-- Staff: 500 people, each on the team of ~20 cases of different tenants.
create extension if not exists unaccent;
create text search configuration tf_fr (copy = french);
alter text search configuration tf_fr alter mapping for hword, hword_part, word, asciiword, asciihword, hword_asciipart with unaccent, french_stem;
create text search configuration tf_en (copy = english);
alter text search configuration tf_en alter mapping for hword, hword_part, word, asciiword, asciihword, hword_asciipart with unaccent, english_stem;

create function app_case_actor() returns text language plpgsql stable set search_path = pg_catalog as $$
declare actor text := nullif(current_setting('app.actor', true), '');
begin
  if actor is null or actor not in ('staff', 'client') then raise exception 'no actor'; end if;
  return actor;
end $$;
create function app_user() returns text language sql stable set search_path = pg_catalog as $$ select nullif(current_setting('app.user_id', true), '') $$;
create function app_tenant() returns uuid language sql stable set search_path = pg_catalog as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

create table case_file (id uuid not null, tenant_id uuid not null, title text not null, summary text not null,
                        status text not null, team text[] not null, primary key (tenant_id, id));
create table log_entry (id uuid not null, tenant_id uuid not null, case_id uuid not null, occurred_at timestamptz not null,
                        text text not null, public boolean not null,
                        search tsvector generated always as (to_tsvector('tf_fr'::regconfig, text) || to_tsvector('tf_en'::regconfig, text)) stored,
                        primary key (tenant_id, id));

-- words of crisis running logs, French and English, with accents and plurals
create temporary table words (n int, w text);
insert into words select row_number() over (), w from unnest(string_to_array(
  'incendie incendies pompiers entrepôt données clients sauvegardes serveurs panne rétablis préfecture évacuation ' ||
  'journalistes communiqué assureur expertise onduleur batterie fumée riverains salariés cellule crise décision ' ||
  'fire fires firefighters warehouse data customers backups servers outage restored prefecture evacuation ' ||
  'journalists statement insurer expert battery smoke neighbours employees cell crisis decision regulator notified', ' ')) w;

insert into case_file
select md5('c' || t || '-' || c)::uuid, md5('t' || t)::uuid,
       'Crise ' || t || '-' || c || ' ' || (select w from words where n = 1 + (t * 7 + c) % 47),
       'Résumé du dossier ' || c || ' : ' || (select w from words where n = 1 + (t + c * 3) % 47) || ' ' || (select w from words where n = 1 + (t * 5 + c) % 47),
       'ACTIVE',
       -- staff member s is on case (t, c) when (t * 100 + c) % 5000 / 10 = s: 500 people, 20 cases each
       array[((t * 100 + c) % 5000 / 10)::text]
from generate_series(1, :tenants) t, generate_series(1, 100) c;

insert into log_entry
select md5('e' || t || '-' || c || '-' || e)::uuid, md5('t' || t)::uuid, md5('c' || t || '-' || c)::uuid,
       now() - make_interval(mins => e * 7),
       (select string_agg(w, ' ') from words where n in (1 + (t + c + e) % 47, 1 + (t * 3 + e * 5) % 47, 1 + (c * 7 + e) % 47,
                                                         1 + (e * 11 + t) % 47, 1 + (c + e * 13) % 47)) || ' n°' || e,
       e % 3 = 0
from generate_series(1, :tenants) t, generate_series(1, 100) c, generate_series(1, 50) e;

create index case_file_id on case_file (id);
create index case_file_team on case_file using gin (team);
create index log_entry_case on log_entry (tenant_id, case_id, occurred_at desc, id desc);

alter table case_file enable row level security;
alter table case_file force row level security;
create policy case_read on case_file for select using (
    case (select app_case_actor()) when 'client' then tenant_id = (select app_tenant())
    else ((select app_tenant()) is null or tenant_id = (select app_tenant())) and (team @> array[(select app_user())] or status = 'NEW') end);
alter table log_entry enable row level security;
alter table log_entry force row level security;
create policy team_read on log_entry for select using ((select app_case_actor()) = 'staff'
    and exists (select 1 from case_file c where c.tenant_id = log_entry.tenant_id and c.id = log_entry.case_id and c.team @> array[(select app_user())]));

create role bench_app login;
grant select on case_file, log_entry to bench_app;
analyze;
