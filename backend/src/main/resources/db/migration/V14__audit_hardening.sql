-- Audit trail hardening (issue 11).

-- The actor's roles as a JSON array instead of a comma-joined string. The hashed text has always held the roles as
-- a list, and "a,b" becomes ["a","b"] here (jsonb keeps array order), so existing chains verify unchanged.
alter table audit_event alter column actor_roles type jsonb using
    case when actor_roles = '' then '[]'::jsonb else to_jsonb(string_to_array(actor_roles, ',')) end;
alter table audit_event add constraint audit_event_roles_array check (jsonb_typeof(actor_roles) = 'array');

-- Which canonical form an event is hashed in: 1 for events written before this migration (changes_sha256 is the
-- plain SHA-256 of the changes), 2 from now on (changes_hmac: HMAC-SHA-256 with the chain's secret, so a
-- redacted export cannot be used to confirm a guessed low-entropy value).
alter table audit_event add column canonical_version smallint not null default 1 check (canonical_version in (1, 2));

-- The request id the caller sent, kept as given beside the server's own (request_id); not part of the hashed text.
alter table audit_event add column client_request_id text check (length(client_request_id) <= 64);

-- One random secret per chain for the keyed hash of changes. Readers of an export never see it; the application
-- creates it on the chain's first event and never changes it.
create table audit_secret (
    tenant_id  uuid primary key,
    secret     bytea not null check (length(secret) = 32),
    created_at timestamptz not null default now()
);
alter table audit_secret enable row level security;
alter table audit_secret force row level security;
create policy tenant_isolation on audit_secret
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on audit_secret to ${approle};
