package io.taskforce.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A real PostgreSQL from zonky's binaries, for local runs and tests. The data directory is kept between
 * starts, so the product's data survives a restart. It creates the two roles the product relies on:
 * the owner that runs migrations, and the application role that is neither superuser, nor BYPASSRLS,
 * nor owner of anything, so that row-level security applies to every query the application makes.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "taskforce";
    public static final String OWNER_ROLE = "taskforce_owner";
    public static final String APP_ROLE = "taskforce_app";
    // Local-only credentials: the embedded server listens on localhost only.
    private static final String OWNER_PASSWORD = "taskforce_owner_local";
    private static final String APP_PASSWORD = "taskforce_app_local";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            var database = new EmbeddedDatabase(postgres);
            database.createRolesAndDatabase();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void createRolesAndDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login password '%2$s' nosuperuser nobypassrls;
                      end if;
                      if not exists (select from pg_roles where rolname = '%3$s') then
                        create role %3$s login password '%4$s' nosuperuser nobypassrls nocreaterole nocreatedb;
                      end if;
                    end $$""".formatted(OWNER_ROLE, OWNER_PASSWORD, APP_ROLE, APP_PASSWORD));
            try (var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded PostgreSQL roles", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** Configuration keys that point the application's pool and Flyway at this server. */
    public Map<String, Object> connectionProperties() {
        return Map.of(
                "datasources.default.url", jdbcUrl(),
                "datasources.default.username", APP_ROLE,
                "datasources.default.password", APP_PASSWORD,
                "flyway.datasources.owner.url", jdbcUrl(),
                "flyway.datasources.owner.user", OWNER_ROLE,
                "flyway.datasources.owner.password", OWNER_PASSWORD);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
