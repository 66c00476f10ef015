package io.taskforce.audit

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import spock.lang.Shared
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.identity.Caller
import io.taskforce.identity.CurrentUser
import io.taskforce.identity.Firm
import io.taskforce.platform.db.TenantTransactions
import io.taskforce.support.Api
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Specification

import java.nio.file.Path
import java.util.concurrent.Callable
import java.util.concurrent.Executors

/** The hash chain against the real database: concurrency, an attacker with direct write access, checkpoints. */
@RealServices
class AuditTrailSpec extends Specification {

    @Shared AuditTrail trail = SharedApplication.bean(AuditTrail)
    @Shared AuditVerification verification = SharedApplication.bean(AuditVerification)
    @Shared Checkpoints checkpoints = SharedApplication.bean(Checkpoints)
    @Shared TenantTransactions transactions = SharedApplication.bean(TenantTransactions)
    @Shared EmbeddedServer server = SharedApplication.server()

    static final Caller CALLER = new Caller(new CurrentUser(UUID.randomUUID().toString(), 'lawyer', 'Louise Garnier',
            ['lawyer'], Firm.LEGAL, null), '203.0.113.7', 'Spec/1.0', 'req-1')

    def "concurrent writers of one tenant produce one gapless chain that verifies"() {
        given:
        UUID chain = UUID.randomUUID()
        def pool = Executors.newFixedThreadPool(8)

        when: '8 writers append 25 events each, at the same time'
        def futures = (1..8).collect { w ->
            pool.submit({
                (1..25).each { i -> append(chain, "writer-${w}-${i}") }
                true
            } as Callable)
        }
        futures*.get()

        then:
        def result = verification.verify(chain, 'concurrent')
        result.valid
        result.events == 200
        result.headSeq == 200
        seqs(chain) == (1L..200L).toList()

        cleanup:
        pool?.shutdown()
    }

    def "editing one event directly in the database is found, and verify names the first broken link"() {
        given:
        UUID chain = chainOf(10)

        when: 'an attacker with the owner role rewrites the action of event 4'
        TestServices.superuser().withCloseable {
            it.executeUpdate("update audit_event set action = 'message.approved' where tenant_id = ${chain} and seq = 4")
        }
        def result = verification.verify(chain, 'tampered')

        then:
        !result.valid
        result.firstBroken.seq == 4
        result.firstBroken.reason.contains('altered')
    }

    def "deleting an event leaves a gap that verify reports"() {
        given:
        UUID chain = chainOf(10)

        when:
        TestServices.superuser().withCloseable {
            it.execute("delete from audit_event where tenant_id = ${chain} and seq = 6")
        }
        def result = verification.verify(chain, 'gap')

        then:
        !result.valid
        result.firstBroken.seq == 6
        result.firstBroken.reason.contains('missing')
    }

    def "a signed checkpoint reveals a truncated tail and a chain rewritten with fresh hashes"() {
        given:
        UUID chain = chainOf(8)
        def signed = checkpoints.signAll().find { it.chain() == chain }

        expect:
        signed.seq() == 8
        verification.verify(chain, 'signed').valid

        when: 'the last three events are removed, and the head moved back to look consistent'
        truncate(chain, 5, false)
        def truncated = verification.verify(chain, 'truncated')

        then: 'the remaining chain is internally valid, but the checkpoint no longer matches'
        !truncated.valid
        truncated.firstBroken.seq == 8
        truncated.firstBroken.reason.contains('removed')

        when: 'the attacker re-creates events 6 to 8 with different content and correct links'
        TestServices.superuser().withCloseable { sql ->
            def prev = sql.firstRow("select hash from audit_event where tenant_id = ${chain} and seq = 5").hash
            (6..8).each { seq ->
                def event = new AuditEvent(chain, seq, java.time.Instant.parse('2026-11-29T10:00:00Z'), 'x', 'attacker',
                        ['lawyer'], 'LEGAL', 'forged', 'case', 'c', null, null, null, null, null, prev, null)
                String hash = HashChain.link(prev, event.canonical())
                sql.execute("""insert into audit_event (tenant_id, seq, occurred_at, actor_subject, actor_username, actor_roles,
                               actor_firm, action, entity_type, entity_id, prev_hash, hash)
                               values (${chain}, ${seq}, '2026-11-29T10:00:00Z'::timestamptz, 'x', 'attacker', '["lawyer"]', 'LEGAL',
                               'forged', 'case', 'c', ${prev}, ${hash})""")
                prev = hash
            }
        }
        def rewritten = verification.verify(chain, 'rewritten')

        then:
        !rewritten.valid
        rewritten.firstBroken.seq == 8
        rewritten.firstBroken.reason.contains('rewritten')
    }

    def "deleting the newest events with their checkpoint rows and resetting the head is found by the checkpoint recorded outside the database"() {
        given:
        UUID chain = chainOf(8)
        checkpoints.signAll()

        when: 'an attacker with database access removes events 6 to 8, every checkpoint row, and moves the head back'
        truncate(chain, 5, true)
        def result = verification.verify(chain, 'erased')

        then: 'what remains is a consistent chain, but the anchored checkpoint at event 8 is missing'
        !result.valid
        result.firstBroken.seq == 8
        result.firstBroken.reason.contains('the checkpoint at event 8 recorded outside the database is missing')
    }

    def "a forged checkpoint signature is reported"() {
        given:
        UUID chain = chainOf(3)
        checkpoints.signAll()

        when:
        TestServices.superuser().withCloseable {
            it.executeUpdate("update audit_checkpoint set signature = 'AAAA' where tenant_id = ${chain}")
        }
        def result = verification.verify(chain, 'forged')

        then:
        !result.valid
        result.firstBroken.reason.contains('not signed')
    }

    def "the API exports a tenant chain as JSON Lines that recompute to the same hashes, without changed values"() {
        given:
        def api = new Api(server.URI)
        String admin = Tokens.of('admin')
        def tenant = api.post('/api/v1/tenants', admin, [name: 'Export SA', slug: "export-${UUID.randomUUID().toString().take(8)}", locale: 'fr']).json
        UUID chain = UUID.fromString(tenant.id)
        transactions.write(chain) {
            3.times { trail.record(CALLER, AuditEntry.of('case.updated', 'case', UUID.randomUUID(), [summary: new Change('before', 'secret after')])) }
        }

        when:
        def export = api.get("/api/v1/tenants/${tenant.id}/audit/export", admin)
        def lines = export.text.readLines().collect { new groovy.json.JsonSlurper().parseText(it) }

        then: 'the three events, and the export itself, recorded in the chain before it was read'
        export.status == 200
        export.contentType.startsWith('application/x-ndjson')
        lines.size() == 4
        lines*.seq == [1, 2, 3, 4]
        new groovy.json.JsonSlurper().parseText(lines[3].event).action == 'audit.exported'
        !export.text.contains('secret after')
        String prev = HashChain.GENESIS
        lines.every { line ->
            boolean ok = line.prev_hash == prev && line.hash == HashChain.link(prev, line.event)
            prev = line.hash
            ok
        }

        and: 'the tenant chain verifies through the API'
        api.get("/api/v1/tenants/${tenant.id}/audit/verification", admin).json.valid
    }

    def "an outsider verifies the exported platform chain with deploy/verify-audit-export.sh, and sees a tampered copy fail"() {
        given:
        def api = new Api(server.URI)
        String admin = Tokens.of('admin')
        api.post('/api/v1/tenants', admin, [name: 'Verifiable', slug: "verif-${UUID.randomUUID().toString().take(8)}", locale: 'en'])
        api.post('/api/v1/platform/audit/checkpoints', admin)
        def dir = java.nio.file.Files.createTempDirectory('audit-export')
        def export = dir.resolve('platform.jsonl').toFile()
        def key = dir.resolve('public-key.pem').toFile()
        export.text = api.get('/api/v1/platform/audit/export', admin).text
        key.text = api.get('/api/v1/platform/audit/public-key', admin).text

        when:
        def ok = runScript(export, key)

        then:
        ok.exit == 0
        ok.output.startsWith('OK:')

        when: 'one event line is altered'
        def lines = export.readLines()
        int victim = lines.findIndexOf { it.contains('tenant.created') }
        lines[victim] = lines[victim].replace('tenant.created', 'tenant.deleted')
        def tampered = dir.resolve('tampered.jsonl').toFile()
        tampered.text = lines.join('\n') + '\n'
        def broken = runScript(tampered, key)

        then:
        broken.exit == 1
        broken.output.contains('BROKEN at seq')
    }

    def "after a key rotation both keys verify, in the platform and for an outsider given the server's key bundle"() {
        given: 'a chain checkpointed with the running key A'
        def api = new Api(server.URI)
        String admin = Tokens.of('admin')
        UUID chain = chainOf(4)
        checkpoints.signAll()

        and: 'then, after a rotation, with key B (its instance recorded its public key among the anchors)'
        2.times { append(chain, "after-rotation-${it}") }
        def dir = java.nio.file.Files.createTempDirectory('rotation')
        def keyB = new CheckpointKey('', dir.resolve('b.pem').toString(), true)
        Path anchors = Path.of(System.getProperty('taskforce.audit.anchor-dir'))
        java.nio.file.Files.writeString(anchors.resolve('keys').resolve(keyB.keyId() + '.pem'), keyB.publicKeyPem())
        TestServices.superuser().withCloseable { sql ->
            String hash = sql.firstRow("select hash from audit_event where tenant_id = ${chain} and seq = 6").hash
            def unsigned = new Checkpoint(chain, 6, hash, java.time.Instant.parse('2026-12-01T10:00:00.000001Z'), keyB.keyId(), '')
            sql.execute("""insert into audit_checkpoint (tenant_id, seq, hash, signed_at, key_id, signature)
                           values (${chain}, 6, ${hash}, '2026-12-01T10:00:00.000001Z'::timestamptz, ${keyB.keyId()},
                           ${keyB.sign(unsigned.payload())})""")
        }

        when:
        def verified = verification.verify(chain, 'rotated')
        def export = dir.resolve('export.jsonl').toFile()
        def bundle = dir.resolve('keys.pem').toFile()
        def onlyA = dir.resolve('a.pem').toFile()
        export.text = api.get("/api/v1/tenants/${chain}/audit/export", admin).text
        bundle.text = api.get('/api/v1/platform/audit/public-key', admin).text
        onlyA.text = bundle.text.substring(0, bundle.text.indexOf('-----END PUBLIC KEY-----') + 25)

        then: 'the platform knows both keys by id'
        verified.valid
        verified.checkpoints == 2
        bundle.text.contains(keyB.publicKeyPem())

        and: 'an outsider with the bundle verifies both checkpoints; with key A alone, the one by B is reported'
        runScript(export, bundle).output.startsWith('OK: 7 events, 2 checkpoints')
        def partial = runScript(export, onlyA)
        partial.exit == 1
        partial.output.contains("BROKEN at seq 6: the checkpoint at event 6 is not signed by any of the given public keys (it names key ${keyB.keyId()}")
    }

    private static Map runScript(File export, File key) {
        def script = TestServices.repoRoot().resolve('deploy/verify-audit-export.sh').toString()
        def process = new ProcessBuilder('bash', script, export.path, key.path).redirectErrorStream(true).start()
        String output = process.inputStream.text.trim()
        [exit: process.waitFor(), output: output]
    }

    def "the platform verification lists every chain with its result"() {
        given:
        def api = new Api(server.URI)

        when:
        def response = api.get('/api/v1/platform/audit/verification', Tokens.of('admin'))

        then:
        response.status == 200
        response.json.chains*.chain.contains('platform')
        response.json.chains.find { it.chain == 'platform' }.valid
    }

    /** The attacker with the owner role: keeps events up to {@code keep}, moves the head back to the last one kept. */
    private static void truncate(UUID chain, long keep, boolean withCheckpoints) {
        TestServices.superuser().withCloseable { sql ->
            sql.execute("delete from audit_event where tenant_id = ${chain} and seq > ${keep}")
            if (withCheckpoints) {
                sql.execute("delete from audit_checkpoint where tenant_id = ${chain}")
            }
            def last = sql.firstRow("select hash from audit_event where tenant_id = ${chain} and seq = ${keep}").hash
            sql.execute("update audit_chain_head set last_seq = ${keep}, last_hash = ${last} where tenant_id = ${chain}")
        }
    }

    private void append(UUID chain, String entityId) {
        transactions.write(chain) {
            trail.record(CALLER, AuditEntry.of('case.updated', 'case', entityId, [title: new Change('a', 'b')]))
        }
    }

    private UUID chainOf(int events) {
        UUID chain = UUID.randomUUID()
        TestServices.superuser().withCloseable {
            it.execute("insert into tenant (id, slug, name) values (${chain}, ${'chain-' + chain.toString().take(8)}, 'Chain')")
        }
        events.times { append(chain, "entity-${it}") }
        chain
    }

    private static List<Long> seqs(UUID chain) {
        TestServices.superuser().withCloseable { sql ->
            sql.rows("select seq from audit_event where tenant_id = ${chain} order by seq")*.seq*.longValue()
        }
    }
}
