-- Migrations run as the owner role; the application connects as ${approle}, which owns nothing,
-- is not superuser and cannot bypass row-level security.

create table tenant (
    id         uuid primary key,
    slug       text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name       text not null check (length(trim(name)) > 0),
    locale     text not null default 'fr' check (locale in ('fr', 'en')),
    active     boolean not null default true,
    created_at timestamptz not null default now()
);

-- Tenants are platform data (no tenant_id): the application reads and manages them, never deletes them.
grant select, insert, update on tenant to ${approle};
