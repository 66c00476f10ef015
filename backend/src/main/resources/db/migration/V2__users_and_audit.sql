-- Identities are platform data: one row per Keycloak user (id = the token's subject). Whether a user may
-- still act is decided here, not only by the token: a deactivated user's still-valid token is refused.
create table user_account (
    id         uuid primary key,
    username   text not null,
    email      text,
    first_name text,
    last_name  text,
    role       text not null check (role in ('consultant', 'lawyer', 'reputation_specialist', 'client', 'platform_admin')),
    active     boolean not null default true,
    created_at timestamptz not null default now()
);
grant select, insert, update on user_account to ${approle};

-- Tenant data from here on: every table carries tenant_id, has row-level security enabled and forced, and a
-- policy on the transaction-local setting app.tenant_id (empty outside a tenant transaction: nothing visible).
create table tenant_member (
    tenant_id  uuid not null references tenant (id),
    user_id    uuid not null references user_account (id),
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id)
);

-- The audit trail: one event per change, chained per tenant by hashes. The platform's own chain (tenants,
-- invitations) uses the reserved tenant id 00000000-0000-0000-0000-000000000000.
create table audit_event (
    tenant_id      uuid not null,
    seq            bigint not null check (seq > 0),
    occurred_at    timestamptz not null,
    actor_subject  text not null,
    actor_username text not null,
    actor_roles    text not null,
    actor_firm     text,
    action         text not null,
    entity_type    text not null,
    entity_id      text not null,
    case_id        uuid,
    changes        text,
    ip             text,
    user_agent     text,
    request_id     text,
    prev_hash      char(64) not null,
    hash           char(64) not null,
    primary key (tenant_id, seq)
);

-- The head of each chain: the last sequence number and hash, locked by each writer so that concurrent writers
-- of one tenant queue up instead of forking the chain.
create table audit_chain_head (
    tenant_id uuid primary key,
    last_seq  bigint not null,
    last_hash char(64) not null
);

-- Signed checkpoints of chain heads, kept apart from the events they vouch for.
create table audit_checkpoint (
    tenant_id uuid not null,
    seq       bigint not null,
    hash      char(64) not null,
    signed_at timestamptz not null,
    key_id    text not null,
    signature text not null,
    primary key (tenant_id, seq)
);

do $$
declare t text;
begin
  foreach t in array array['tenant_member', 'audit_event', 'audit_chain_head', 'audit_checkpoint'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format($p$create policy tenant_isolation on %I
                      using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
                      with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
  end loop;
end $$;

grant select, insert, delete on tenant_member to ${approle};
-- append-only for the application: no update, no delete, ever
grant select, insert on audit_event to ${approle};
grant select, insert, update on audit_chain_head to ${approle};
grant select, insert on audit_checkpoint to ${approle};

-- The Keycloak group that holds a tenant's client users (created with the tenant, or at its first invitation).
alter table tenant add column keycloak_group_id text;
