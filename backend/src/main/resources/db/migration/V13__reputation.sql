-- The reputation workstream (DESIGN §8): tracked queries, search-result snapshots, the classification of each URL
-- remembered per case, and cleanup actions.
--
-- A snapshot is the top 20 of one tracked query on one date; each result keeps the ownership and tone it had when it
-- was classified, so past metrics do not move when a URL is re-classified later, while serp_classification holds the
-- latest word on a URL so that the next snapshot arrives pre-classified. Clients read all of it (the portal shows
-- their search-result progress; the API leaves internal notes out); staff on the team read and write.

create table serp_query (
    tenant_id   uuid not null,
    id          uuid not null,
    case_id     uuid not null,
    query       text not null check (length(trim(query)) between 1 and 300),
    engine      text not null check (engine ~ '^[a-z0-9_.-]{1,40}$'),
    country     text not null check (country ~ '^[A-Z]{2}$'),
    language    text not null check (language ~ '^[a-z]{2}$'),
    target_date date,
    created_by  uuid not null references user_account (id),
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, case_id, query, engine, country, language),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);
create index serp_query_id on serp_query (id);

create table serp_snapshot (
    tenant_id  uuid not null,
    id         uuid not null,
    case_id    uuid not null,
    query_id   uuid not null,
    taken_on   date not null,
    source     text not null check (source in ('MANUAL', 'IMPORT')),
    created_by uuid not null references user_account (id),
    created_at timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, query_id, taken_on),
    foreign key (tenant_id, query_id) references serp_query (tenant_id, id)
);
create index serp_snapshot_case on serp_snapshot (tenant_id, case_id, query_id, taken_on);

create table serp_result (
    tenant_id   uuid not null,
    snapshot_id uuid not null,
    case_id     uuid not null,
    position    int not null check (position between 1 and 20),
    url         text not null check (length(url) between 1 and 2000),
    domain      text not null,
    title       text not null check (length(title) <= 500),
    ownership   text check (ownership in ('OWNED', 'THIRD_PARTY')),
    tone        text check (tone in ('NEGATIVE', 'NEUTRAL', 'POSITIVE')),
    primary key (tenant_id, snapshot_id, position),
    foreign key (tenant_id, snapshot_id) references serp_snapshot (tenant_id, id)
);
create index serp_result_url on serp_result (tenant_id, case_id, url);

create table serp_classification (
    tenant_id  uuid not null,
    case_id    uuid not null,
    url        text not null,
    ownership  text check (ownership in ('OWNED', 'THIRD_PARTY')),
    tone       text check (tone in ('NEGATIVE', 'NEUTRAL', 'POSITIVE')),
    updated_by uuid not null references user_account (id),
    updated_at timestamptz not null,
    primary key (tenant_id, case_id, url),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);

create table cleanup_action (
    tenant_id    uuid not null,
    id           uuid not null,
    case_id      uuid not null,
    kind         text not null check (kind in ('CONTENT', 'DELISTING', 'TAKEDOWN', 'REVIEW_REPLY', 'LEGAL_REFERRAL')),
    title        text not null check (length(trim(title)) between 1 and 300),
    status       text not null check (status in ('PLANNED', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'DONE')),
    urls         text[] not null default '{}',
    -- internal to the task force: never shown to the client
    note         text not null default '' check (length(note) <= 4000),
    submitted_on date,
    created_by   uuid not null references user_account (id),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);
create index cleanup_action_case on cleanup_action (tenant_id, case_id, created_at);
create index cleanup_action_id on cleanup_action (id);

-- the same rule as the other case tables (V3): clients read their tenant's rows, staff their team's; staff on the
-- team write in the case's tenant
do $$
declare t text;
begin
  foreach t in array array['serp_query', 'serp_snapshot', 'serp_result', 'serp_classification', 'cleanup_action'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format($p$create policy reputation_read on %I for select using (
        case (select app_case_actor())
            when 'client' then tenant_id = (select app_tenant())
            else exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                     and c.team @> array[(select app_user())])
        end)$p$, t, t, t);
    execute format($p$create policy reputation_write on %I for all
        using ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))
        with check ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))$p$,
        t, t, t, t, t);
  end loop;
end $$;

grant select, insert, update on serp_query, serp_result, serp_classification, cleanup_action to ${approle};
grant select, insert on serp_snapshot to ${approle};
