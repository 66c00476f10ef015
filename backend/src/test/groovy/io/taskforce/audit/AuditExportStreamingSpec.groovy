package io.taskforce.audit

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
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.nio.file.Path

/** Exports stream from a database cursor through a pipe, and only a few run at once per instance. */
@RealServices
class AuditExportStreamingSpec extends Specification {

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared AuditExport export = SharedApplication.bean(AuditExport)
    @Shared AuditTrail trail = SharedApplication.bean(AuditTrail)
    @Shared TenantTransactions transactions = SharedApplication.bean(TenantTransactions)

    static final Caller CALLER = new Caller(new CurrentUser(UUID.randomUUID().toString(), 'admin', 'Platform Admin',
            ['platform_admin'], null, null), '203.0.113.7', 'Spec/1.0', 'req-1')

    def "beyond the configured number of exports running at once, the next one is refused with 503 and Retry-After"() {
        given: 'a chain far larger than the pipe between the database cursor and the response'
        UUID chain = chainOf(600)

        when: 'two exports are started and not read (the default allows two at once)'
        def first = export.jsonLines(CALLER, chain, false)
        def second = export.jsonLines(CALLER, chain, false)
        def refused = new Api(server.URI).get("/api/v1/tenants/${chain}/audit/export", Tokens.of('admin'))

        then:
        refused.status == 503
        refused.contentType.startsWith('application/problem+json')
        refused.header('Retry-After') == '30'
        refused.json.detail.contains('Too many audit exports')

        when: 'one reader hangs up: its writer stops and frees the slot'
        first.close()

        then:
        new PollingConditions(timeout: 10).eventually {
            def third = export.jsonLines(CALLER, chain, false)
            third.close()
        }

        when: 'the other is read to the end'
        def lines = second.text.readLines()

        then: 'every event is there, in order, though neither the heap nor a file held the whole export'
        lines.size() == 600 + 2
        lines.first().startsWith('{"changes":null')
    }

    def "no temporary file is written for an export"() {
        given:
        UUID chain = chainOf(5)
        Path tmp = Path.of(System.getProperty('java.io.tmpdir'))
        def before = exportFiles(tmp)

        when:
        def text = export.jsonLines(CALLER, chain, false).text

        then:
        text.readLines().size() == 6
        exportFiles(tmp) == before
    }

    private static Set<String> exportFiles(Path dir) {
        Files.list(dir).withCloseable { files -> files.map { it.fileName.toString() }.filter { it.startsWith('audit-export-') }.toList() as Set }
    }

    private UUID chainOf(int events) {
        UUID chain = UUID.randomUUID()
        TestServices.superuser().withCloseable {
            it.execute("insert into tenant (id, slug, name) values (${chain}, ${'stream-' + chain.toString().take(8)}, 'Stream')")
        }
        transactions.write(chain) {
            events.times { i ->
                trail.record(CALLER, AuditEntry.of('case.updated', 'case', "entity-${i}",
                        [summary: new Change('x' * 200, "after ${i}")]))
            }
        }
        chain
    }
}
