package io.taskforce.platform.db;

import org.flywaydb.core.Flyway;

import java.util.Map;

/**
 * Runs the Flyway migrations outside the application context, as the owner role, for a migrate-and-exit
 * step (the Helm chart's pre-install/pre-upgrade Job). The application itself migrates at start through
 * micronaut-flyway with the same locations and placeholder.
 */
public record SchemaMigration(String url, String ownerUser, String ownerPassword, String appRole) {

    public static SchemaMigration fromEnvironment() {
        return new SchemaMigration(required("DATASOURCE_URL"), required("FLYWAY_USERNAME"),
                required("FLYWAY_PASSWORD"), required("DATASOURCE_USERNAME"));
    }

    public void run() {
        Flyway.configure()
                .dataSource(url, ownerUser, ownerPassword)
                .locations("classpath:db/migration")
                .placeholders(Map.of("approle", appRole))
                .load()
                .migrate();
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set to run the migrations");
        }
        return value;
    }
}
