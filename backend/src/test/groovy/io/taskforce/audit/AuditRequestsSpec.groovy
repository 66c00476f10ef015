package io.taskforce.audit

import groovy.json.JsonSlurper
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.identity.Caller
import io.taskforce.identity.CurrentUser
import io.taskforce.identity.Firm
import io.taskforce.platform.db.TenantTransactions
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

import java.nio.charset.StandardCharsets

/**
 * What the audit trail records about its own use (exports and verifications, each in the chain concerned), where
 * a request came from (trusted proxies), its ids, and the keyed hash of changes in redacted exports.
 */
@RealServices
class AuditRequestsSpec extends Specification {

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared AuditTrail trail = SharedApplication.bean(AuditTrail)
    @Shared TenantTransactions transactions = SharedApplication.bean(TenantTransactions)
    @Shared Api api = new Api(server.URI)
    @Shared String admin = Tokens.of('admin')

    static final Caller CALLER = new Caller(new CurrentUser(UUID.randomUUID().toString(), 'lawyer', 'Louise Garnier',
            ['lawyer', 'consultant'], Firm.LEGAL, null), '203.0.113.7', 'Spec/1.0', 'req-1')

    def "a redacted export commits to changes with a keyed hash: not the plain SHA-256, stable for the tenant, different for another"() {
        given: 'two tenants with the same low-entropy change'
        UUID first = tenant('Keyed A')
        UUID second = tenant('Keyed B')
        [first, second].each { chain ->
            transactions.write(chain) {
                trail.record(CALLER, AuditEntry.of('case.updated', 'case', 'c-1', [severity: new Change('LOW', 'HIGH')]))
            }
        }
        String plain = HashChain.sha256Hex('{"severity":{"after":"HIGH","before":"LOW"}}')

        when:
        def once = hashedEvent(first, 1)
        def again = hashedEvent(first, 1)
        def other = hashedEvent(second, 1)

        then: 'the hashed text holds no plain digest a guess could be checked against'
        once.v == 2
        !once.containsKey('changes_sha256')
        once.changes_hmac ==~ /[0-9a-f]{64}/
        once.changes_hmac != plain
        again.changes_hmac == once.changes_hmac
        other.changes_hmac != once.changes_hmac

        and: 'the roles are stored as a JSON array and hashed as a list'
        once.actor.roles == ['consultant', 'lawyer']
        TestServices.superuser().withCloseable {
            it.firstRow("select jsonb_typeof(actor_roles) as t from audit_event where tenant_id = ${first} and seq = 1").t
        } == 'array'

        and: 'both chains still verify'
        api.get("/api/v1/tenants/${first}/audit/verification", admin).json.valid
    }

    def "an export and a verification are each recorded in the chain they concern"() {
        given:
        UUID chain = tenant('Watched')
        long platformBefore = lastSeq(TenantTransactions.PLATFORM)

        when:
        api.get("/api/v1/tenants/${chain}/audit/export", admin)
        api.get("/api/v1/tenants/${chain}/audit/verification", admin)
        api.get('/api/v1/platform/audit/verification', admin)
        api.get('/api/v1/platform/audit/export', admin)

        then: 'the tenant chain holds the export (redacted) and the verification (with what it found)'
        events(chain).collect { [it.action, it.entity_id, it.actor_username] } == [
                ['audit.exported', chain.toString(), 'admin'],
                ['audit.verified', chain.toString(), 'admin']]
        new JsonSlurper().parseText(events(chain)[0].changes as String).redacted.after == true
        new JsonSlurper().parseText(events(chain)[1].changes as String).valid.after == true

        and: 'the platform chain holds the verification of every chain and the platform export'
        events(TenantTransactions.PLATFORM, platformBefore).findAll { it.action.startsWith('audit.') }
                .collect { [it.action, it.entity_id] } == [
                ['audit.verified', 'all'],
                ['audit.exported', 'platform']]
    }

    def "#peer: the recorded address is #ip, the request id is the server's, and the caller's id is kept as #kept"() {
        given:
        UUID chain = tenant('Addressed')

        when:
        def response = rawGet(local, "/api/v1/tenants/${chain}/audit/verification",
                ['X-Forwarded-For': forwardedFor, 'X-Request-Id': clientId])
        def event = events(chain).last()

        then:
        response.status == 200
        event.ip == ip
        UUID.fromString(event.request_id as String)
        event.request_id == response.headers['x-request-id']
        event.client_request_id == kept

        where:
        peer                                                          | local       | forwardedFor                 | clientId             || ip              | kept
        'a trusted proxy forwarding for a client who claims another'  | '127.0.0.1' | '198.51.100.9, 203.0.113.50' | 'client-42'          || '203.0.113.50'  | 'client-42'
        'a stranger (not a trusted proxy) sending a spoofed header'   | '127.0.0.2' | '198.51.100.9'               | 'bad id with spaces' || '127.0.0.2'     | null
    }

    private UUID tenant(String name) {
        def created = api.post('/api/v1/tenants', admin, [name: name, slug: "${name.toLowerCase().replace(' ', '-')}-${UUID.randomUUID().toString().take(8)}", locale: 'en']).json
        UUID.fromString(created.id)
    }

    /** The hashed event text at a sequence number, as a redacted export of the tenant shows it. */
    private Map hashedEvent(UUID chain, long seq) {
        def export = api.get("/api/v1/tenants/${chain}/audit/export", admin)
        assert export.status == 200
        def line = export.text.readLines().collect { new JsonSlurper().parseText(it) }.find { it.seq == seq }
        assert line.changes == null
        new JsonSlurper().parseText(line.event as String) as Map
    }

    private static long lastSeq(UUID chain) {
        TestServices.superuser().withCloseable {
            it.firstRow("select coalesce(max(seq), 0) as s from audit_event where tenant_id = ${chain}").s as long
        }
    }

    private static List<Map> events(UUID chain, long after = 0) {
        TestServices.superuser().withCloseable {
            it.rows("""select action, entity_id, actor_username, changes, ip, request_id, client_request_id
                       from audit_event where tenant_id = ${chain} and seq > ${after} order by seq""")
        } as List<Map>
    }

    /** A GET over a socket bound to the given local address: the server sees that address as its peer. */
    private Map rawGet(String localAddress, String path, Map<String, String> headers) {
        new Socket(InetAddress.getByName('127.0.0.1'), server.port, InetAddress.getByName(localAddress), 0).withCloseable { socket ->
            def request = new StringBuilder("GET ${path} HTTP/1.1\r\nHost: localhost:${server.port}\r\n")
            request << "Authorization: Bearer ${admin}\r\nConnection: close\r\n"
            headers.each { k, v -> request << "${k}: ${v}\r\n" }
            request << '\r\n'
            socket.outputStream.write(request.toString().getBytes(StandardCharsets.US_ASCII))
            socket.outputStream.flush()
            def lines = new String(socket.inputStream.readAllBytes(), StandardCharsets.UTF_8).split('\r\n')
            int status = lines[0].split(' ')[1] as int
            def responseHeaders = lines.drop(1).takeWhile { it }.collectEntries {
                int colon = it.indexOf(':')
                [(it.substring(0, colon).trim().toLowerCase()): it.substring(colon + 1).trim()]
            }
            [status: status, headers: responseHeaders]
        }
    }
}
