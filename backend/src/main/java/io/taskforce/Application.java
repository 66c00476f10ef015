package io.taskforce;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.taskforce.platform.db.EmbeddedDatabase;
import io.taskforce.platform.db.SchemaMigration;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

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
        var context = new AtomicReference<ApplicationContext>();
        if (isBlank(System.getenv("DATASOURCE_URL"))) {
            // No external database configured: run on a real PostgreSQL kept in a persistent data directory.
            var database = EmbeddedDatabase.start(Path.of(envOr("TASKFORCE_DATA_DIR", "deploy/.work/pgdata")));
            builder.properties(database.connectionProperties());
            // the embedded database means a local run: settings that production must give may be generated
            builder.properties(java.util.Map.of("taskforce.local-run", true));
            // Registered before the start, so a failed start (Micronaut exits) stops the database too. Micronaut's
            // own shutdown hook stops the application; the database goes after it, not under it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (int i = 0; i < 300 && context.get() != null && context.get().isRunning(); i++) {
                    sleepQuietly();
                }
                database.close();
            }, "embedded-postgres-stop"));
        }
        context.set(builder.start());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
