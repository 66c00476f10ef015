-- Keycloak actions performed after commit (README, "External side effects").
--
-- A change that needs something of Keycloak's to be done but not its result (sending the invitation e-mail,
-- putting a client into their tenant's group, enabling or disabling a person) writes the intent here, in its own
-- transaction. A job run by one instance at a time claims the due rows (a lease, committed at once), calls
-- Keycloak outside any transaction and records the outcome: retried with backoff, given up (FAILED) after the
-- last attempt. A newer invitation supersedes one still waiting.
--
-- Platform data, like user_account: ids and action names only, no tenant_id column (the tenant whose group a
-- client joins is named by "tenant", read by the job from the platform table tenant).
create table keycloak_action (
    id              uuid        primary key,
    user_id         uuid        not null references user_account (id),
    tenant          uuid        references tenant (id),
    action          text        not null check (action in ('SEND_INVITATION', 'JOIN_TENANT_GROUP', 'SYNC_ENABLED')),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DONE', 'FAILED', 'SUPERSEDED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_until   timestamptz,
    last_error      text,
    created_at      timestamptz not null default now(),
    done_at         timestamptz,
    check ((action = 'JOIN_TENANT_GROUP') = (tenant is not null))
);
create index keycloak_action_due on keycloak_action (next_attempt_at) where status = 'PENDING';
-- the latest invitation of each person, shown in the admin's lists
create index keycloak_action_invitation on keycloak_action (user_id, created_at desc) where action = 'SEND_INVITATION';
grant select, insert, update on keycloak_action to ${approle};
