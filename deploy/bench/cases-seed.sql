-- Seeds the case workspace for deploy/bench/cases-load.sh, as the PostgreSQL superuser (row-level security does not
-- apply to it), straight with generate_series. Deterministic: every pseudo-random choice is a hash of the row number.
--
--   psql -v tenants=1000 -v per_tenant=100 -f cases-seed.sql
--
-- Expects the three demo staff (consultant, lawyer, reputation) already registered in user_account by the
-- application, under their Keycloak subject (the script calls GET /api/v1/me with their tokens first).
--
-- What it makes:
--   staff      30: 10 per firm (consultant, lawyer, reputation_specialist), the demo user of each firm among them;
--   tenants    :tenants;
--   cases      :per_tenant per tenant: per 100, 2 NEW (the intake queue; no team yet), 38 TRIAGED, 40 ACTIVE,
--              10 MONITORING, 10 CLOSED, reported over the last two years;
--   team       every case past NEW: one member per firm (3), each the lead of their workstream; case_file.team
--              holds exactly the case_member user ids;
--   workstreams the three workstreams of each team, the entry firm first;
--   tasks      3 per case past NEW, one per workstream, assigned to that workstream's member.
\set ON_ERROR_STOP on
\timing on

begin;

create temp table bench_staff (role text, idx int, id uuid, firm text, primary key (role, idx)) on commit drop;
insert into bench_staff
select r.role, 0, u.id, r.firm
from (values ('consultant', 'consultant', 'COMMUNICATION'), ('lawyer', 'lawyer', 'LEGAL'),
             ('reputation_specialist', 'reputation', 'REPUTATION')) r(role, username, firm)
join user_account u on u.username = r.username and u.role = r.role;
do $$ begin
    if (select count(*) from bench_staff) <> 3 then
        raise exception 'the demo users consultant, lawyer and reputation must be registered first (GET /api/v1/me)';
    end if;
end $$;
insert into bench_staff
select r.role, i, md5('bench-staff-' || r.role || '-' || i)::uuid, r.firm
from (values ('consultant', 'COMMUNICATION'), ('lawyer', 'LEGAL'), ('reputation_specialist', 'REPUTATION')) r(role, firm),
     generate_series(1, 9) i;
insert into user_account (id, username, email, first_name, last_name, role)
select id, 'bench-' || role || '-' || idx, 'bench-' || role || '-' || idx || '@bench.taskforce.test',
       'Bench', initcap(replace(role, '_', ' ')) || ' ' || idx, role
from bench_staff where idx > 0;

insert into tenant (id, slug, name, locale, active, created_at)
select md5('bench-tenant-' || t)::uuid, 'bench-' || lpad(t::text, 5, '0'), 'Société Bench ' || lpad(t::text, 5, '0'),
       case when t % 5 = 0 then 'en' else 'fr' end, true, now() - interval '3 years'
from generate_series(1, :tenants) t;

-- one row per case with its pseudo-random choices; n numbers the cases from 0
create temp table bench_case on commit drop as
select n, t, k, md5('bench-case-' || n)::uuid as id, md5('bench-tenant-' || t)::uuid as tenant_id,
       case when k % 100 < 2 then 'NEW' when k % 100 < 40 then 'TRIAGED' when k % 100 < 80 then 'ACTIVE'
            when k % 100 < 90 then 'MONITORING' else 'CLOSED' end as status,
       date_trunc('second', now()) - make_interval(secs => (hashint4(n) & 2147483647) % (730 * 86400)) as reported_at,
       (hashint4(n * 3 + 1) & 2147483647) % 10 as c_idx, (hashint4(n * 3 + 2) & 2147483647) % 10 as l_idx,
       (hashint4(n * 3 + 3) & 2147483647) % 10 as r_idx, (hashint4(n * 7 + 5) & 2147483647) as h
from (select n, n / :per_tenant + 1 as t, n % :per_tenant as k
      from generate_series(0, :tenants * :per_tenant - 1) n) s;
-- the team of each case past NEW
create temp table bench_member on commit drop as
select c.n, c.id as case_id, c.tenant_id, s.id as user_id, s.firm as workstream, s.role
from bench_case c
join bench_staff s on (s.role = 'consultant' and s.idx = c.c_idx) or (s.role = 'lawyer' and s.idx = c.l_idx)
                   or (s.role = 'reputation_specialist' and s.idx = c.r_idx)
where c.status <> 'NEW';
create index on bench_member (case_id);

insert into case_file (id, tenant_id, title, summary, occurred_at, urls, personal_data, hostile_publications,
                       first_published_at, suspected_author, entry_firm, reported_by, reported_at, status, crisis_types,
                       cluster, severity, kinetics, phase, triaged_at, team, version)
select c.id, c.tenant_id,
       (array['Fuite de données clients', 'Article diffamatoire', 'Panne du service en ligne', 'Rappel de produit',
              'Bad buzz sur les réseaux', 'Accident sur un site', 'Avis négatifs coordonnés',
              'Résultats de recherche anciens'])[c.h % 8 + 1] || ' n°' || (c.k + 1),
       'Signalement reçu pour le dossier ' || (c.k + 1) || ' de la société ' || lpad(c.t::text, 5, '0') ||
       '. Plusieurs publications reprennent l''information depuis ce matin ; la direction souhaite une première ' ||
       'analyse de la situation, des risques juridiques et des mesures à prendre dans l''heure.',
       c.reported_at - interval '3 hours',
       array['https://news.example.com/article/' || c.n, 'https://social.example.com/post/' || c.h % 100000],
       c.h % 3 = 0, c.h % 2 = 0, case when c.h % 2 = 0 then c.reported_at - interval '2 hours' end,
       (array['EMPLOYEE', 'COMPETITOR', 'UNKNOWN', 'NONE'])[c.h % 4 + 1],
       (array['COMMUNICATION', 'LEGAL', 'REPUTATION'])[c.h % 3 + 1],
       (select s.id from bench_staff s where s.role = 'consultant' and s.idx = c.c_idx),
       c.reported_at, c.status,
       case when c.status = 'NEW' then '{}'::text[]
            else array[(array['DATA_BREACH', 'DEFAMATION', 'DENIGRATION', 'INDUSTRIAL_ACCIDENT', 'PRODUCT_SAFETY',
                              'OUTAGE', 'BAD_BUZZ', 'LEGACY_SEARCH_RESULTS'])[c.h % 8 + 1]] end,
       case when c.status <> 'NEW' then (array['VICTIM', 'ACCIDENTAL', 'PREVENTABLE'])[c.h % 3 + 1] end,
       case when c.status <> 'NEW' then c.h % 4 + 1 end,
       case when c.status <> 'NEW' then (array['FAST', 'SLOW'])[c.h % 2 + 1] end,
       case when c.status = 'NEW' then null when c.status in ('MONITORING', 'CLOSED') then 'AFTERMATH' else 'HOT' end,
       case when c.status <> 'NEW' then c.reported_at + interval '40 minutes' end,
       coalesce((select array_agg(m.user_id::text order by m.role) from bench_member m where m.case_id = c.id),
                '{}'::text[]),
       case when c.status = 'NEW' then 0 else 2 end
from bench_case c;

insert into case_member (tenant_id, case_id, user_id, workstream, lead, added_at)
select m.tenant_id, m.case_id, m.user_id, m.workstream, true, c.reported_at + interval '40 minutes'
from bench_member m join bench_case c on c.n = m.n;

-- the entry firm's workstream first
insert into case_workstream (tenant_id, case_id, workstream, position, status)
select m.tenant_id, m.case_id, m.workstream,
       (array_position(array['COMMUNICATION', 'LEGAL', 'REPUTATION'], m.workstream) - 1 - c.h % 3 + 3) % 3,
       case c.status when 'TRIAGED' then 'NOT_STARTED' when 'ACTIVE' then 'ACTIVE' else 'DONE' end
from bench_member m join bench_case c on c.n = m.n;

insert into case_task (id, tenant_id, case_id, workstream, title, assignee_id, due_at, status, origin, created_by,
                       created_at, done_at)
select md5('bench-task-' || m.case_id || m.workstream)::uuid, m.tenant_id, m.case_id, m.workstream,
       case m.workstream when 'COMMUNICATION' then 'Préparer la déclaration d''attente'
                         when 'LEGAL' then 'Qualifier juridiquement les publications'
                         else 'Relever les résultats de recherche' end,
       m.user_id, c.reported_at + interval '1 day',
       case when c.status in ('MONITORING', 'CLOSED') then 'DONE' when c.h % 3 = 0 then 'IN_PROGRESS' else 'OPEN' end,
       'TRIAGE', (select s.id from bench_staff s where s.role = 'consultant' and s.idx = c.c_idx),
       c.reported_at + interval '40 minutes',
       case when c.status in ('MONITORING', 'CLOSED') then c.reported_at + interval '20 hours' end
from bench_member m join bench_case c on c.n = m.n;

commit;

vacuum (analyze) tenant, user_account, case_file, case_member, case_workstream, case_task;

select (select count(*) from tenant) as tenants, (select count(*) from user_account) as users,
       (select count(*) from case_file) as cases, (select count(*) from case_file where status = 'NEW') as intake,
       (select count(*) from case_member) as members, (select count(*) from case_workstream) as workstreams,
       (select count(*) from case_task) as tasks, (select count(*) from audit_event) as audit_events,
       pg_size_pretty(pg_database_size(current_database())) as database_size;
