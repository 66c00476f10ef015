-- Webhooks: the tools of a tenant (the client company) or of a firm of the task force hear what happens to cases.
--
-- Ownership. One table for both kinds. A tenant webhook is that tenant's data (tenant_id = the tenant, firm null)
-- and receives the events of that tenant's cases. A firm webhook belongs to the platform (tenant_id = the reserved
-- platform id 00000000-..., firm set) and receives the events of cases where the firm's workstream is routed and
-- not done (the announcing feature names those firms in the outbox: notify_outbox.workstreams).
-- Platform admins manage both inside a transaction bound to the owner's id (the tenant, or the platform), so the
-- policy on app.tenant_id admits exactly the webhook being administered; the dispatcher (app.actor = 'dispatcher')
-- works across owners, to expand intents into deliveries and to send them. No foreign key to tenant: the platform
-- id has no tenant row; the service checks that a named tenant exists.
--
-- The signing secret is kept as issued (the application must read it to sign every delivery); it is shown once,
-- in the creation response, and never returned by the API nor written to the audit trail.

-- The firms concerned by an intent (workstreams of the case that are routed and not done, or the target of a
-- hand-off): firm webhooks match on them.
alter table notify_outbox add column workstreams text[] not null default '{}';

create table webhook (
    tenant_id            uuid        not null,
    id                   uuid        not null,
    firm                 text check (firm in ('COMMUNICATION', 'LEGAL', 'REPUTATION')),
    url                  text        not null check (length(url) <= 2000),
    events               text[]      not null check (cardinality(events) > 0),
    secret               text        not null,
    active               boolean     not null default true,
    consecutive_failures int         not null default 0,
    disabled_at          timestamptz,
    disabled_reason      text,
    created_at           timestamptz not null default now(),
    primary key (tenant_id, id),
    -- a firm webhook is the platform's, a tenant webhook names no firm
    check ((firm is not null) = (tenant_id = '00000000-0000-0000-0000-000000000000'))
);
create index webhook_id on webhook (id);
create index webhook_created on webhook (created_at desc, id desc);

-- One delivery per webhook and event (the body is fixed at expansion, so every retry sends the same bytes).
create table webhook_delivery (
    tenant_id       uuid        not null,
    id              uuid        not null,
    webhook_id      uuid        not null,
    event           text        not null,
    case_id         uuid,
    body            text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_until   timestamptz,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, webhook_id) references webhook (tenant_id, id) on delete cascade
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (tenant_id, webhook_id, created_at desc, id desc);

-- The log: every attempt, its HTTP status or its error, how long it took.
create table webhook_attempt (
    tenant_id    uuid        not null,
    id           uuid        not null,
    delivery_id  uuid        not null,
    webhook_id   uuid        not null,
    attempted_at timestamptz not null default now(),
    status_code  int,
    error        text,
    duration_ms  int         not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, delivery_id) references webhook_delivery (tenant_id, id) on delete cascade
);
create index webhook_attempt_delivery on webhook_attempt (tenant_id, delivery_id, attempted_at);
create index webhook_attempt_last on webhook_attempt (tenant_id, webhook_id, attempted_at desc);

alter table webhook enable row level security;
alter table webhook force row level security;
create policy webhook_owner on webhook for all
    using (tenant_id = (select app_tenant())) with check (tenant_id = (select app_tenant()));
create policy webhook_dispatch on webhook for all using ((select app_dispatcher())) with check ((select app_dispatcher()));
grant select, insert, update, delete on webhook to ${approle};

alter table webhook_delivery enable row level security;
alter table webhook_delivery force row level security;
create policy webhook_delivery_owner on webhook_delivery for all
    using (tenant_id = (select app_tenant())) with check (tenant_id = (select app_tenant()));
create policy webhook_delivery_dispatch on webhook_delivery for all
    using ((select app_dispatcher())) with check ((select app_dispatcher()));
grant select, insert, update, delete on webhook_delivery to ${approle};

alter table webhook_attempt enable row level security;
alter table webhook_attempt force row level security;
create policy webhook_attempt_owner on webhook_attempt for all
    using (tenant_id = (select app_tenant())) with check (tenant_id = (select app_tenant()));
create policy webhook_attempt_dispatch on webhook_attempt for all
    using ((select app_dispatcher())) with check ((select app_dispatcher()));
grant select, insert, update, delete on webhook_attempt to ${approle};
