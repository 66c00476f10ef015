-- Working the crisis (issue 10): the running log (main courante), the stakeholder map, the rumour log, and the
-- full-text search across a caller's cases.
--
-- Need to know as for every case table (see V3__cases.sql): staff of the case's team read and write; a client reads
-- the public entries of the running log of their tenant's cases, and nothing else here. The running log is a record
-- of facts: the application may add entries, never change or remove them (the grants below).
--
-- Search: French and English stemming, accent-insensitive (the unaccent dictionary in front of each stemmer). Each
-- searchable text is read under both configurations, and a query too, so "incendies" finds "Incendie" and
-- "données" finds "donnees". A search starts from the caller's cases (a staff member's teams, a client's tenant)
-- and reads their rows through the (tenant_id, case_id) indexes: a GIN index over every tenant's text made the
-- planner match the words across all tenants first, ~0.9 s at 5 million entries (deploy/bench, search-bench.sh).
-- The running log, by far the largest, keeps its document stored; the other texts are short and few per case.

create extension if not exists unaccent;

create text search configuration tf_fr (copy = french);
alter text search configuration tf_fr
    alter mapping for hword, hword_part, word, asciiword, asciihword, hword_asciipart with unaccent, french_stem;
create text search configuration tf_en (copy = english);
alter text search configuration tf_en
    alter mapping for hword, hword_part, word, asciiword, asciihword, hword_asciipart with unaccent, english_stem;

create table log_entry (
    id          uuid not null,
    tenant_id   uuid not null,
    case_id     uuid not null,
    -- when the fact happened, which may be before it was written down (recorded_at)
    occurred_at timestamptz not null,
    recorded_at timestamptz not null,
    author_id   uuid not null references user_account (id),
    -- FACT and DECISION are written by people; the others are written by the product when the case changes
    kind        text not null check (kind in ('FACT', 'DECISION', 'TRIAGE', 'TEAM', 'STATUS', 'PHASE', 'RUMOUR')),
    workstream  text check (workstream in ('COMMUNICATION', 'LEGAL', 'REPUTATION')),
    text        text not null check (length(trim(text)) between 1 and 4000),
    links       text[] not null default '{}',
    task_id     uuid,
    message_id  uuid,
    public      boolean not null default false,
    -- automatic entries: what happened and its facts, so that each reader sees it in their own language
    event       text,
    params      jsonb not null default '{}',
    search      tsvector generated always as (to_tsvector('tf_fr'::regconfig, text) || to_tsvector('tf_en'::regconfig, text)) stored,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id),
    foreign key (tenant_id, task_id) references case_task (tenant_id, id),
    foreign key (tenant_id, message_id) references message (tenant_id, id)
);
create index log_entry_id on log_entry (id);
create index log_entry_case on log_entry (tenant_id, case_id, occurred_at desc, id desc);

create table stakeholder (
    id           uuid not null,
    tenant_id    uuid not null,
    case_id      uuid not null,
    grp          text not null check (grp in ('CUSTOMERS', 'EMPLOYEES', 'REGULATOR', 'MEDIA', 'AUTHORITIES', 'INVESTORS',
                                              'SUPPLIERS', 'PUBLIC', 'ELECTED_OFFICIALS')),
    name         text not null check (length(trim(name)) between 1 and 200),
    expectations text not null default '' check (length(expectations) <= 4000),
    power        int not null check (power between 1 and 5),
    interest     int not null check (interest between 1 and 5),
    channel      text not null default '' check (length(channel) <= 200),
    owner_id     uuid references user_account (id),
    informed_at  timestamptz,
    informed_by  uuid references user_account (id),
    -- proposed by triage and not yet kept by the consultant
    proposed     boolean not null default false,
    created_by   uuid not null references user_account (id),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);
create index stakeholder_id on stakeholder (id);
create index stakeholder_case on stakeholder (tenant_id, case_id);

create table rumour (
    id                 uuid not null,
    tenant_id          uuid not null,
    case_id            uuid not null,
    claim              text not null check (length(trim(claim)) between 1 and 1000),
    source_url         text check (source_url ~ '^https?://'),
    first_seen_at      timestamptz not null,
    reach              int check (reach >= 0),
    status             text not null default 'WATCHING' check (status in ('WATCHING', 'DEBUNKED', 'CONFIRMED')),
    resolved_at        timestamptz,
    resolved_by        uuid references user_account (id),
    response_entry_id  uuid,
    created_by         uuid not null references user_account (id),
    created_at         timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id),
    foreign key (tenant_id, response_entry_id) references log_entry (tenant_id, id),
    check ((status = 'WATCHING') = (resolved_at is null))
);
create index rumour_id on rumour (id);
create index rumour_open on rumour (tenant_id, case_id, first_seen_at) where status = 'WATCHING';
create index rumour_case on rumour (tenant_id, case_id);

do $$
declare t text;
begin
  foreach t in array array['log_entry', 'stakeholder', 'rumour'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    -- staff of the team read across tenants (search and "my cases" bind no tenant) and write in the case's tenant
    execute format($p$create policy engagement_team_read on %I for select using (
        (select app_case_actor()) = 'staff'
        and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                and c.team @> array[(select app_user())]))$p$, t, t, t);
    execute format($p$create policy engagement_team_write on %I for all
        using ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))
        with check ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))$p$,
        t, t, t, t, t);
  end loop;
end $$;

-- a client reads the public entries of their tenant's running logs: the case's story as told to them
create policy log_entry_client on log_entry for select using (
    (select app_case_actor()) = 'client' and tenant_id = (select app_tenant()) and public);

-- the running log is insert-only; stakeholders are dropped by the consultant (a triage proposal they do not keep)
grant select, insert on log_entry to ${approle};
grant select, insert, update, delete on stakeholder to ${approle};
grant select, insert, update on rumour to ${approle};
