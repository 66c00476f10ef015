package io.taskforce.support

import com.icegreen.greenmail.util.GreenMail
import com.icegreen.greenmail.util.ServerSetup
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.taskforce.platform.db.EmbeddedDatabase

import java.nio.file.Files
import java.nio.file.Path

/**
 * The real services the integration specs run against, started once per test run: an embedded PostgreSQL
 * (fresh data directory each run), a real Keycloak started with deploy/keycloak.sh and a test copy of
 * the dev realm, and a real SMTP server in-process (GreenMail) that both send to. Their coordinates are handed
 * to every application context through system properties.
 */
final class TestServices {

    // fixed so that a failed run can be looked at; another checkout running its tests at once sets other ones
    static final int KEYCLOAK_PORT = Integer.getInteger('taskforce.test.keycloak-port', 8181)
    static final int E2E_APP_PORT = Integer.getInteger('taskforce.test.app-port', 18080)
    static final String KEYCLOAK_URL = "http://localhost:${KEYCLOAK_PORT}"
    static final String ISSUER = "${KEYCLOAK_URL}/realms/taskforce"
    static final String ADMIN_CLIENT_SECRET = 'taskforce-admin-local-secret'
    /** A free port found at start: the SMTP server keeps it across restarts, and Keycloak is told it. */
    static final int SMTP_PORT = freePort()

    private static EmbeddedDatabase database
    private static Path keycloakDir
    private static GreenMail mail

    static synchronized void start() {
        if (database != null) {
            return
        }
        Path work = Path.of(System.getProperty('taskforce.test.work', 'target/test-work'))
        Path pgData = work.resolve('pgdata')
        pgData.toFile().deleteDir()
        database = EmbeddedDatabase.start(pgData)
        database.connectionProperties().each { k, v -> System.setProperty(k, v.toString()) }
        startMail()

        keycloakDir = repoRoot().resolve('deploy/.work/keycloak-test')
        Path realm = work.resolve('taskforce-realm.test.json')
        Files.createDirectories(work)
        Files.writeString(realm, testRealm())
        run(repoRoot().resolve('deploy/keycloak.sh').toString(), 'start', keycloakDir.toString(),
                KEYCLOAK_PORT.toString(), realm.toString(), '--fresh')

        // Keycloak answers on plain HTTP here, which only a local run may use
        System.setProperty('taskforce.local-run', 'true')
        System.setProperty('taskforce.oidc.issuer', ISSUER)
        System.setProperty('taskforce.oidc.jwks-url', "${ISSUER}/protocol/openid-connect/certs".toString())
        System.setProperty('taskforce.oidc.public-url', KEYCLOAK_URL)
        System.setProperty('taskforce.oidc.clients', 'taskforce-spa,taskforce-cli')
        System.setProperty('taskforce.demo.enabled', 'true')
        System.setProperty('taskforce.keycloak-admin.client-secret', ADMIN_CLIENT_SECRET)
        System.setProperty('taskforce.audit.checkpoint-key-file', work.resolve('audit-checkpoint-key.pem').toString())
        // checkpoints recorded outside the database: fresh with the database, or they would name chains it lacks
        Path anchors = work.resolve('audit-anchors')
        anchors.toFile().deleteDir()
        System.setProperty('taskforce.audit.anchor-dir', anchors.toString())
        // the loopback address plays the reverse proxy (its X-Forwarded-For is believed); 127.0.0.2 plays a stranger
        System.setProperty('taskforce.web.trusted-proxies', '127.0.0.1,::1')
        // delivery at test speed: jobs polled often, retries and leases short
        System.setProperty('taskforce.notify.smtp-host', '127.0.0.1')
        System.setProperty('taskforce.notify.smtp-port', SMTP_PORT.toString())
        System.setProperty('taskforce.notify.retry-base', '300ms')
        System.setProperty('taskforce.notify.retry-cap', '1s')
        System.setProperty('taskforce.notify.claim-lease', '2s')
        System.setProperty('taskforce.notify.dispatch-interval', '200ms')
        System.setProperty('taskforce.webhooks.allow-http-localhost', 'true')
        System.setProperty('taskforce.webhooks.disable-after', '3')
        System.setProperty('taskforce.webhooks.retry-base', '300ms')
        System.setProperty('taskforce.webhooks.retry-cap', '2s')
        System.setProperty('taskforce.webhooks.claim-lease', '15s')
        System.setProperty('taskforce.webhooks.send-interval', '200ms')
        // review requests escalate within seconds (legal lead, then the firm's lawyers)
        System.setProperty('taskforce.messages.review-times', '4s,4s,4s,4s')
        System.setProperty('taskforce.messages.escalation-check', '500ms')
        System.setProperty('taskforce.keycloak-actions.interval', '200ms')
        System.setProperty('taskforce.keycloak-actions.retry-base', '300ms')
        System.setProperty('taskforce.keycloak-actions.retry-cap', '1s')
        System.setProperty('taskforce.keycloak-actions.max-attempts', '5')
        System.setProperty('taskforce.keycloak-actions.claim-lease', '5s')
        // invitation links land on the application under test (the only redirect the test realm's SPA client allows)
        System.setProperty('taskforce.keycloak-actions.invitation-redirect-url', "http://localhost:${E2E_APP_PORT}/".toString())
        // the suite acts far faster than people: RateLimitSpec checks the limits on an application of its own
        System.setProperty('taskforce.rate-limits.user-writes-per-minute', '1000000')
        System.setProperty('taskforce.rate-limits.address-writes-per-minute', '1000000')
        System.setProperty('taskforce.rate-limits.anonymous-per-minute', '1000000')
        System.setProperty('taskforce.jobs.polling-interval', '200ms')
        System.setProperty('taskforce.jobs.heartbeat-interval', '1s')
        addShutdownHook { stop() }
    }

    /** The SMTP server every mail of the run goes to (the application's and Keycloak's). */
    static synchronized GreenMail mail() {
        start()
        mail
    }

    /** (Re)starts the SMTP server on its fixed port: the fault specs stop it to play an outage. */
    static synchronized void startMail() {
        mail?.stop()
        mail = new GreenMail(new ServerSetup(SMTP_PORT, '127.0.0.1', ServerSetup.PROTOCOL_SMTP))
        mail.start()
    }

    static synchronized void stopMail() {
        mail?.stop()
    }

    static synchronized void stop() {
        SharedApplication.stop()
        if (keycloakDir != null) {
            run(repoRoot().resolve('deploy/keycloak.sh').toString(), 'stop', keycloakDir.toString())
            keycloakDir = null
        }
        database?.close()
        database = null
        mail?.stop()
        mail = null
    }

    static EmbeddedDatabase database() {
        start()
        database
    }

    /** A superuser connection: for setting up rows of any tenant and for playing the attacker who edits the audit table. */
    static groovy.sql.Sql superuser() {
        groovy.sql.Sql.newInstance(database().jdbcUrl(), 'postgres', '', 'org.postgresql.Driver')
    }

    /**
     * The last sequence number of every audit chain: every change writes an audit event in its transaction, so equal
     * heads before and after a request mean it saved nothing, and different ones that it really wrote.
     */
    static Map<String, Long> auditChainHeads() {
        superuser().withCloseable { sql ->
            sql.rows('select tenant_id, last_seq from audit_chain_head').collectEntries { [(it.tenant_id.toString()): it.last_seq as Long] }
        }
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
        // the scripting client's ID tokens name the API too, so that only their type (typ ID) can refuse them
        Map cli = realm.clients.find { it.clientId == 'taskforce-cli' } as Map
        (cli.protocolMappers as List<Map>).find { it.protocolMapper == 'oidc-audience-mapper' }.config['id.token.claim'] = 'true'
        // a client like the scripting one, API audience included, that the application does not accept (azp)
        realm.clients << (new JsonSlurper().parseText(JsonOutput.toJson(cli)) as Map) + [clientId: 'taskforce-stranger']
        JsonOutput.prettyPrint(JsonOutput.toJson(realm))
    }

    private static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }

    private static void run(String... command) {
        def builder = new ProcessBuilder(command).redirectErrorStream(true)
        builder.environment().put('TF_SMTP_PORT', SMTP_PORT.toString())
        def process = builder.start()
        String output = process.inputStream.text
        if (process.waitFor() != 0) {
            throw new IllegalStateException("${command.join(' ')} failed:\n${output}")
        }
    }
}
