package io.taskforce.support

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.taskforce.platform.db.EmbeddedDatabase

import java.nio.file.Files
import java.nio.file.Path

/**
 * The real services the integration specs run against, started once per test run: an embedded PostgreSQL
 * (fresh data directory each run) and a real Keycloak started with deploy/keycloak.sh and a test copy of
 * the dev realm. Their coordinates are handed to every application context through system properties.
 */
final class TestServices {

    static final int KEYCLOAK_PORT = 8181
    static final int E2E_APP_PORT = 18080
    static final String KEYCLOAK_URL = "http://localhost:${KEYCLOAK_PORT}"
    static final String ISSUER = "${KEYCLOAK_URL}/realms/taskforce"
    static final String ADMIN_CLIENT_SECRET = 'taskforce-admin-local-secret'

    private static EmbeddedDatabase database
    private static Path keycloakDir

    static synchronized void start() {
        if (database != null) {
            return
        }
        Path work = Path.of(System.getProperty('taskforce.test.work', 'target/test-work'))
        Path pgData = work.resolve('pgdata')
        pgData.toFile().deleteDir()
        database = EmbeddedDatabase.start(pgData)
        database.connectionProperties().each { k, v -> System.setProperty(k, v.toString()) }

        keycloakDir = repoRoot().resolve('deploy/.work/keycloak-test')
        Path realm = work.resolve('taskforce-realm.test.json')
        Files.createDirectories(work)
        Files.writeString(realm, testRealm())
        run(repoRoot().resolve('deploy/keycloak.sh').toString(), 'start', keycloakDir.toString(),
                KEYCLOAK_PORT.toString(), realm.toString(), '--fresh')

        System.setProperty('taskforce.oidc.issuer', ISSUER)
        System.setProperty('taskforce.oidc.jwks-url', "${ISSUER}/protocol/openid-connect/certs".toString())
        System.setProperty('taskforce.oidc.public-url', KEYCLOAK_URL)
        System.setProperty('taskforce.demo.enabled', 'true')
        System.setProperty('taskforce.keycloak-admin.client-secret', ADMIN_CLIENT_SECRET)
        System.setProperty('taskforce.audit.checkpoint-key-file', work.resolve('audit-checkpoint-key.pem').toString())
        addShutdownHook { stop() }
    }

    static synchronized void stop() {
        SharedApplication.stop()
        if (keycloakDir != null) {
            run(repoRoot().resolve('deploy/keycloak.sh').toString(), 'stop', keycloakDir.toString())
            keycloakDir = null
        }
        database?.close()
        database = null
    }

    static EmbeddedDatabase database() {
        start()
        database
    }

    /** A superuser connection: for setting up rows of any tenant and for playing the attacker who edits the audit table. */
    static groovy.sql.Sql superuser() {
        groovy.sql.Sql.newInstance(database().jdbcUrl(), 'postgres', '', 'org.postgresql.Driver')
    }

    static Path repoRoot() {
        Path.of(System.getProperty('taskforce.repo.root', '..')).toAbsolutePath().normalize()
    }

    /** The dev realm, with cheap password hashing, the end-to-end app's origin and two extra test clients. */
    private static String testRealm() {
        Map realm = new JsonSlurper().parse(repoRoot().resolve('deploy/keycloak/taskforce-realm.dev.json').toFile()) as Map
        realm.passwordPolicy = 'hashIterations(1)'
        Map spa = realm.clients.find { it.clientId == 'taskforce-spa' } as Map
        spa.redirectUris = ["http://localhost:${E2E_APP_PORT}/*".toString()]
        // a client whose tokens do not name the API as audience
        realm.clients << [clientId                 : 'taskforce-other', publicClient: true, protocol: 'openid-connect',
                          standardFlowEnabled      : false, directAccessGrantsEnabled: true]
        JsonOutput.prettyPrint(JsonOutput.toJson(realm))
    }

    private static void run(String... command) {
        def process = new ProcessBuilder(command).redirectErrorStream(true).start()
        String output = process.inputStream.text
        if (process.waitFor() != 0) {
            throw new IllegalStateException("${command.join(' ')} failed:\n${output}")
        }
    }
}
