-- The case workspace: cases, their workstreams, teams, tasks, hand-offs and the legal clocks proposed at triage.
--
-- Need to know, enforced here as well as in the application. Besides app.tenant_id, a transaction that touches
-- case data says who acts, transaction-locally: app.actor ('staff' or 'client') and app.user_id. Then:
--   client: the rows of their tenant (the application shows them the portal projection only);
--   staff:  the rows of cases whose team holds them (case_file.team), across tenants unless a tenant is bound,
--           and the NEW cases of every tenant (the intake queue); nothing of any other case.
-- A query on a case table in a transaction that says nobody acts fails loudly instead of answering nothing.

create function app_case_actor() returns text
    language plpgsql stable
    set search_path = pg_catalog
as $$
declare
    actor text := nullif(current_setting('app.actor', true), '');
begin
    if actor is null or actor not in ('staff', 'client') then
        raise exception 'case data used outside a case transaction (app.actor is not set)'
            using errcode = '42501', hint = 'act on cases through CaseAccess';
    end if;
    return actor;
end $$;

create function app_user() returns text
    language sql stable
    set search_path = pg_catalog
as $$ select nullif(current_setting('app.user_id', true), '') $$;

create function app_tenant() returns uuid
    language sql stable
    set search_path = pg_catalog
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

create table case_file (
    id                   uuid not null,
    tenant_id            uuid not null references tenant (id),
    title                text not null check (length(trim(title)) between 1 and 200),
    summary              text not null check (length(summary) <= 10000),
    occurred_at          timestamptz,
    urls                 text[] not null default '{}',
    personal_data        boolean not null default false,
    hostile_publications boolean not null default false,
    first_published_at   timestamptz,
    suspected_author     text check (suspected_author in ('EMPLOYEE', 'COMPETITOR', 'UNKNOWN', 'NONE')),
    entry_firm           text check (entry_firm in ('COMMUNICATION', 'LEGAL', 'REPUTATION')),
    reported_by          uuid not null references user_account (id),
    reported_at          timestamptz not null,
    status               text not null default 'NEW'
        check (status in ('NEW', 'TRIAGED', 'ACTIVE', 'MONITORING', 'CLOSED')),
    crisis_types         text[] not null default '{}',
    cluster              text check (cluster in ('VICTIM', 'ACCIDENTAL', 'PREVENTABLE')),
    severity             int check (severity between 1 and 4),
    kinetics             text check (kinetics in ('FAST', 'SLOW')),
    phase                text check (phase in ('PEACETIME', 'HOT', 'AFTERMATH')),
    triaged_at           timestamptz,
    -- the user ids of the team (case_member), kept here so that the policies test membership on the row itself
    team                 text[] not null default '{}',
    version              int not null default 0,
    primary key (tenant_id, id)
);
create index case_file_id on case_file (id);
create index case_file_team on case_file using gin (team);
create index case_file_intake on case_file (reported_at, id) where status = 'NEW';
create index case_file_recent on case_file (reported_at desc, id desc);

create table case_workstream (
    tenant_id  uuid not null,
    case_id    uuid not null,
    workstream text not null check (workstream in ('COMMUNICATION', 'LEGAL', 'REPUTATION')),
    position   int not null,
    status     text not null default 'NOT_STARTED' check (status in ('NOT_STARTED', 'ACTIVE', 'DONE')),
    primary key (tenant_id, case_id, workstream),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);

create table case_member (
    tenant_id  uuid not null,
    case_id    uuid not null,
    user_id    uuid not null references user_account (id),
    workstream text not null check (workstream in ('COMMUNICATION', 'LEGAL', 'REPUTATION')),
    lead       boolean not null default false,
    added_at   timestamptz not null,
    primary key (tenant_id, case_id, user_id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);
-- one lead per workstream of a case
create unique index case_member_one_lead on case_member (tenant_id, case_id, workstream) where lead;

create table case_handoff (
    id              uuid not null,
    tenant_id       uuid not null,
    case_id         uuid not null,
    from_workstream text not null check (from_workstream in ('COMMUNICATION', 'LEGAL', 'REPUTATION')),
    to_workstream   text not null check (to_workstream in ('COMMUNICATION', 'LEGAL', 'REPUTATION')),
    note            text not null check (length(trim(note)) between 1 and 4000),
    status          text not null default 'OPEN' check (status in ('OPEN', 'ANSWERED', 'DECLINED')),
    reply           text,
    created_by      uuid not null references user_account (id),
    created_at      timestamptz not null,
    answered_by     uuid references user_account (id),
    answered_at     timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);
create index case_handoff_id on case_handoff (id);
create index case_handoff_case on case_handoff (tenant_id, case_id, created_at);

create table case_task (
    id          uuid not null,
    tenant_id   uuid not null,
    case_id     uuid not null,
    workstream  text not null check (workstream in ('COMMUNICATION', 'LEGAL', 'REPUTATION')),
    title       text not null check (length(trim(title)) between 1 and 300),
    assignee_id uuid references user_account (id),
    due_at      timestamptz,
    status      text not null default 'OPEN' check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    origin      text not null check (origin in ('TRIAGE', 'MANUAL', 'HANDOFF')),
    handoff_id  uuid,
    created_by  uuid not null references user_account (id),
    created_at  timestamptz not null,
    done_at     timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id),
    foreign key (tenant_id, handoff_id) references case_handoff (tenant_id, id)
);
create index case_task_id on case_task (id);
create index case_task_case on case_task (tenant_id, case_id, created_at);
create index case_task_assignee on case_task (assignee_id, due_at) where status in ('OPEN', 'IN_PROGRESS');

-- The legal clocks triage proposes, with their trigger dates from the intake; the legal workstream computes them.
create table case_clock_proposal (
    tenant_id  uuid not null,
    case_id    uuid not null,
    rule       text not null,
    trigger_at timestamptz not null,
    primary key (tenant_id, case_id, rule),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);

-- a case's audit trail is read by case id
create index audit_event_case on audit_event (tenant_id, case_id, seq) where case_id is not null;

-- case_file: the row itself says who is on the team
alter table case_file enable row level security;
alter table case_file force row level security;
create policy case_read on case_file for select using (
    case (select app_case_actor())
        when 'client' then tenant_id = (select app_tenant())
        else ((select app_tenant()) is null or tenant_id = (select app_tenant()))
             and (team @> array[(select app_user())] or status = 'NEW')
    end);
-- a client reports incidents of their tenant and changes nothing after; staff write their team's cases and NEW ones
create policy case_insert on case_file for insert with check (
    case (select app_case_actor())
        when 'client' then tenant_id = (select app_tenant()) and status = 'NEW'
        else tenant_id = (select app_tenant()) and (team @> array[(select app_user())] or status = 'NEW')
    end);
create policy case_update on case_file for update
    using ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
           and (team @> array[(select app_user())] or status = 'NEW'))
    with check ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
                and team @> array[(select app_user())]);
grant select, insert, update on case_file to ${approle};

-- the other case tables: rows of a case the transaction may see (clients: their tenant's; staff: their team's),
-- written by staff on the team only
do $$
declare t text;
begin
  foreach t in array array['case_workstream', 'case_member', 'case_handoff', 'case_task', 'case_clock_proposal'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format($p$create policy case_read on %I for select using (
        case (select app_case_actor())
            when 'client' then tenant_id = (select app_tenant())
            else exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                     and c.team @> array[(select app_user())])
        end)$p$, t, t, t);
    execute format($p$create policy case_write on %I for all
        using ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))
        with check ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))$p$,
        t, t, t, t, t);
  end loop;
end $$;

grant select, insert, update, delete on case_workstream, case_member, case_task, case_clock_proposal to ${approle};
grant select, insert, update on case_handoff to ${approle};
