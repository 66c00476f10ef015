package io.taskforce;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.taskforce.platform.db.EmbeddedDatabase;
import io.taskforce.platform.db.SchemaMigration;

import java.nio.file.Path;

@OpenAPIDefinition(info = @Info(title = "Taskforce API", version = "v1",
        description = "Crisis task force workspace: cases, sign-off gate, legal clocks, search cleanup, audit."))
public class Application {

    public static void main(String[] args) {
        if (Boolean.parseBoolean(System.getenv("TASKFORCE_MIGRATE_ONLY"))) {
            // Kubernetes runs the migrations once, in a Job, before the new pods start.
            SchemaMigration.fromEnvironment().run();
            return;
        }
        var builder = Micronaut.build(args).mainClass(Application.class).banner(false);
        EmbeddedDatabase embedded = null;
        if (isBlank(System.getenv("DATASOURCE_URL"))) {
            // No external database configured: run on a real PostgreSQL kept in a persistent data directory.
            var dataDir = Path.of(envOr("TASKFORCE_DATA_DIR", "deploy/.work/pgdata"));
            embedded = EmbeddedDatabase.start(dataDir);
            builder.properties(embedded.connectionProperties());
        }
        ApplicationContext context = builder.start();
        if (embedded != null) {
            EmbeddedDatabase database = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.close();
                database.close();
            }, "embedded-postgres-stop"));
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
