-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d), as the
-- superuser, connected to the "postgres" database. Demo passwords: for the local compose demo only.
--
-- taskforce_owner  owns the database and the schema; Flyway migrates as this role.
-- taskforce_app    what the application connects as: not superuser, not BYPASSRLS, owns nothing.
--                  The migrations grant it exactly the table privileges it needs.

create role taskforce_owner login password 'taskforce_owner_demo'
    nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
create role taskforce_app login password 'taskforce_app_demo'
    nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit;

create database taskforce owner taskforce_owner encoding 'UTF8' template template0;

\connect taskforce

-- The public schema belongs to the database owner (PostgreSQL 15+): only taskforce_owner creates
-- objects in it. The application role may use it, nothing more.
revoke all on database taskforce from public;
grant connect, temporary on database taskforce to taskforce_owner;
grant connect on database taskforce to taskforce_app;
revoke create on schema public from public;
grant usage on schema public to taskforce_app;
