-- Notifications, live updates and jobs that run once across instances.
--
-- The one rule for external side effects: a feature never calls out (e-mail, webhook, Keycloak) inside its
-- transaction. It writes what happened into notify_outbox in that same transaction; the dispatcher, a job run by
-- one instance at a time, turns each intent into in-app notifications and e-mail deliveries, and sends the e-mails
-- afterwards, outside any transaction, with retries.
--
-- The dispatcher works across tenants. It says so transaction-locally (app.actor = 'dispatcher'), and only the
-- policies of the notify tables admit it: case tables still refuse it (app_case_actor() raises).

-- Jobs: db-scheduler's own table (task names and ids, never case content).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority on scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_tasks to ${approle};

create function app_dispatcher() returns boolean
    language sql stable
    set search_path = pg_catalog
as $$ select coalesce(current_setting('app.actor', true), '') = 'dispatcher' $$;

-- Live updates: signals that a view is stale, never content (topic, case id, who may hear it). Each row is
-- announced with NOTIFY at commit, so every instance hears it and pushes it to its server-sent-event clients;
-- a client that reconnects resumes after the last id it saw. Audience entries: a user id, 'staff' (every staff
-- member: the intake queue is open to all of them) or 'tenant:<id>' (that tenant's clients).
create table live_event (
    id         bigserial primary key,
    topic      text        not null check (topic in ('intake', 'case', 'tasks', 'notifications')),
    case_id    uuid,
    audience   text[]      not null,
    created_at timestamptz not null default now()
);
create index live_event_created on live_event (created_at);
grant select, insert, delete on live_event to ${approle};
grant usage on sequence live_event_id_seq to ${approle};

create function live_event_announce() returns trigger
    language plpgsql
    set search_path = pg_catalog
as $$
begin
    perform pg_notify('taskforce_live', new.id::text);
    return null;
end $$;
create trigger live_event_announce after insert on live_event for each row execute function live_event_announce();

-- Every case mutation writes one audit event carrying the case id; that event also tells the case's team and its
-- tenant's clients that the case changed, staff that the intake queue may have, and the team that tasks may have.
-- Features cannot forget it. The team is read under the acting transaction's own row-level security.
create function case_change_publish() returns trigger
    language plpgsql
    set search_path = public, pg_catalog
as $$
declare
    members text[];
begin
    if coalesce(current_setting('app.actor', true), '') not in ('staff', 'client') then
        return null;
    end if;
    select c.team into members from case_file c where c.tenant_id = new.tenant_id and c.id = new.case_id;
    members := coalesce(members, '{}');
    insert into live_event (topic, case_id, audience)
    values ('case', new.case_id, members || array['tenant:' || new.tenant_id::text]);
    if new.action in ('case.reported', 'case.triaged', 'case.status_changed') then
        insert into live_event (topic, case_id, audience) values ('intake', new.case_id, array['staff']);
    end if;
    if new.action like 'task.%' or new.action = 'case.triaged' then
        insert into live_event (topic, case_id, audience) values ('tasks', new.case_id, members);
    end if;
    return null;
end $$;
create trigger audit_event_case_change after insert on audit_event
    for each row when (new.case_id is not null) execute function case_change_publish();

-- The outbox: what happened, for whom, written in the transaction of the change.
create table notify_outbox (
    tenant_id     uuid        not null references tenant (id),
    id            uuid        not null,
    event         text        not null,
    case_id       uuid,
    recipients    uuid[]      not null,
    params        jsonb       not null,
    created_at    timestamptz not null default now(),
    dispatched_at timestamptz,
    primary key (tenant_id, id)
);
create index notify_outbox_pending on notify_outbox (created_at) where dispatched_at is null;

-- In-app notifications: each recipient reads and marks their own, across tenants.
create table notification (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    recipient_id uuid        not null references user_account (id),
    event        text        not null,
    case_id      uuid,
    params       jsonb       not null,
    created_at   timestamptz not null default now(),
    read_at      timestamptz,
    primary key (tenant_id, id)
);
create index notification_recipient on notification (recipient_id, created_at desc, id desc);
create index notification_unread on notification (recipient_id) where read_at is null;
create index notification_id on notification (id);

-- E-mails to send, rendered at sending time in the recipient's language.
create table email_delivery (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    recipient_id    uuid        not null references user_account (id),
    address         text        not null,
    language        text        not null check (language in ('fr', 'en')),
    event           text        not null,
    case_id         uuid,
    params          jsonb       not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_until   timestamptz,
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    primary key (tenant_id, id)
);
create index email_delivery_due on email_delivery (next_attempt_at) where status = 'PENDING';

alter table notify_outbox enable row level security;
alter table notify_outbox force row level security;
create policy outbox_write on notify_outbox for insert with check (tenant_id = (select app_tenant()));
create policy outbox_dispatch on notify_outbox for all using ((select app_dispatcher())) with check ((select app_dispatcher()));
grant select, insert, update on notify_outbox to ${approle};

alter table notification enable row level security;
alter table notification force row level security;
create policy notification_own on notification for select using (recipient_id::text = (select app_user()));
create policy notification_mark on notification for update
    using (recipient_id::text = (select app_user())) with check (recipient_id::text = (select app_user()));
create policy notification_dispatch on notification for all using ((select app_dispatcher())) with check ((select app_dispatcher()));
grant select, insert, update on notification to ${approle};

alter table email_delivery enable row level security;
alter table email_delivery force row level security;
create policy email_dispatch on email_delivery for all using ((select app_dispatcher())) with check ((select app_dispatcher()));
grant select, insert, update on email_delivery to ${approle};

-- Preferences are the user's own, not a tenant's (like user_account): in-app always, e-mail per event.
create table notify_preference (
    user_id      uuid        primary key references user_account (id),
    language     text        not null check (language in ('fr', 'en')),
    email_events text[]      not null,
    updated_at   timestamptz not null default now()
);
grant select, insert, update on notify_preference to ${approle};
