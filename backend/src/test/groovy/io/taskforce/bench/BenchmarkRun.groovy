package io.taskforce.bench

import io.micronaut.context.ApplicationContext
import io.taskforce.platform.db.EmbeddedDatabase
import io.taskforce.support.TenantConditionGuard

import java.nio.file.Files
import java.nio.file.Path

/**
 * What every benchmark's {@code main} does around its measurement: an embedded PostgreSQL in a temporary directory,
 * the application context on it as a local run (no HTTP server, no Keycloak, jobs far apart so they do not run
 * during a measurement), then everything removed and the JVM ended with the benchmark's status (2 on an error).
 */
final class BenchmarkRun {

    /** The checkpoint key a run generates, in its work directory (a benchmark that signs by hand reads it). */
    static final String CHECKPOINT_KEY = 'audit-checkpoint-key.pem'

    /**
     * Runs {@code bench(context, database, work)} with {@code settings} over the defaults; its result is the exit
     * status (null counts as 0).
     */
    static void exitWith(String name, Map<String, Object> settings, Closure<Integer> bench) {
        // the benchmarks run from the test classes, where the tenant-condition guard would check every statement
        System.setProperty(TenantConditionGuard.MODE, 'off')
        Path work = Files.createTempDirectory("taskforce-${name}-bench")
        int status = 0
        def database = EmbeddedDatabase.start(work.resolve('pgdata'))
        try {
            Map<String, Object> properties = new HashMap<>(database.connectionProperties())
            properties.putAll([
                    'taskforce.oidc.issuer'              : 'http://localhost/realms/x',
                    'taskforce.oidc.jwks-url'            : 'http://localhost/certs',
                    'taskforce.local-run'                : true,
                    'taskforce.audit.checkpoint-key-file': work.resolve(CHECKPOINT_KEY).toString(),
                    'taskforce.audit.anchor-dir'         : work.resolve('anchors').toString(),
                    'taskforce.audit.checkpoint-interval': '10000h',
                    'taskforce.messages.escalation-check': '10000h',
            ])
            properties.putAll(settings)
            def context = ApplicationContext.run(properties)
            try {
                status = bench(context, database, work) ?: 0
            } finally {
                context.close()
            }
        } catch (Throwable e) {
            e.printStackTrace()
            status = 2
        } finally {
            database.close()
            work.toFile().deleteDir()
        }
        System.exit(status)
    }
}
