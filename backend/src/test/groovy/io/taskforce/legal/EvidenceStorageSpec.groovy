package io.taskforce.legal

import io.micronaut.context.ApplicationContext
import io.micronaut.context.exceptions.BeanInstantiationException
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.MotoServer
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import software.amazon.awssdk.core.sync.RequestBody
import software.amazon.awssdk.services.s3.S3Client
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.security.MessageDigest

/**
 * Evidence files in S3-compatible object storage, against a real S3 server (moto): an application instance configured
 * with a bucket beside the shared one, which keeps the default (PostgreSQL). Both share the database.
 */
@Stepwise
@RealServices
class EvidenceStorageSpec extends Specification {

    static final String TENANT_A = 'b094b75d-873d-4f54-9892-afd58263330a'
    static final String BUCKET = 'taskforce-evidence'

    @Shared EmbeddedServer database = SharedApplication.server()
    @Shared @AutoCleanup MotoServer moto = MotoServer.start()
    @Shared @AutoCleanup S3Client bucket = moto.client()
    @Shared @AutoCleanup EmbeddedServer objects
    @Shared String caseId
    @Shared String evidenceId
    @Shared String key
    @Shared byte[] capture = '<html><body>Maison Verdier trompe ses clients</body></html>'.getBytes('UTF-8')

    def setupSpec() {
        bucket.createBucket { it.bucket(BUCKET) }
        objects = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'taskforce.demo.enabled': false,
                'taskforce.jobs.instance-name': 'evidence-s3', 'taskforce.evidence.s3.enabled': true,
                'taskforce.evidence.s3.endpoint': moto.endpoint(), 'taskforce.evidence.s3.region': MotoServer.REGION,
                'taskforce.evidence.s3.bucket': BUCKET, 'taskforce.evidence.s3.access-key': MotoServer.ACCESS_KEY,
                'taskforce.evidence.s3.secret-key': MotoServer.SECRET_KEY, 'taskforce.evidence.s3.path-style': true])
        def api = new Api(database.URI)
        ['consultant', 'lawyer'].each { api.get('/api/v1/me', Tokens.of(it)) }
        caseId = api.post('/api/v1/cases', Tokens.of('client-a'), [title: "Article hostile ${UUID.randomUUID().toString().take(6)}",
                summary: 'Un blog accuse la marque de tromper ses clients.']).json.id
        assert api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), [crisisTypes: ['DEFAMATION'], cluster: 'VICTIM',
                severity: 3, kinetics: 'SLOW', phase: 'HOT', workstreams: ['LEGAL'], tasks: []]).status == 200
        assert api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'),
                [userId: '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4', workstream: 'LEGAL', lead: true]).status == 201
    }

    def "with object storage configured, a capture's bytes go to the bucket under tenant/case/evidence, not into PostgreSQL"() {
        when:
        def saved = new Api(objects.URI).multipart("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer'),
                [url: 'https://blog.test/verdier', capturedAt: '2026-03-10T14:05:00Z'], 'blog.html', 'text/html', capture)
        evidenceId = saved.json.id
        key = "evidence/${TENANT_A}/${caseId}/${evidenceId}"

        then:
        saved.status == 201
        saved.json.sha256 == sha256(capture)
        row(evidenceId).storage == 'S3'
        row(evidenceId).storage_key == key
        filesInDatabase(evidenceId) == 0
        bucket.getObjectAsBytes { it.bucket(BUCKET).key(key) }.asByteArray() == capture
        bucket.headObject { it.bucket(BUCKET).key(key) }.metadata().sha256 == sha256(capture)
    }

    def "the download reads them back from the bucket with their hash, and is audited"() {
        given:
        long seq = lastSeq()

        when:
        def download = new Api(objects.URI).get("/api/v1/evidence/${evidenceId}/file", Tokens.of('consultant'))

        then:
        download.status == 200
        download.header('X-Content-SHA256') == sha256(capture)
        download.text.getBytes('UTF-8') == capture
        auditAfter(seq) == ['legal_evidence.downloaded']
    }

    def "an object is never overwritten"() {
        given:
        def files = objects.applicationContext.getBean(S3EvidenceFiles)
        def again = new EvidenceFiles.NewFile(UUID.fromString(TENANT_A), UUID.fromString(caseId), UUID.fromString(evidenceId),
                'text/html', 'autre chose'.getBytes('UTF-8'), sha256('autre chose'.getBytes('UTF-8')))

        when:
        files.keep(again)

        then:
        def refused = thrown(IllegalStateException)
        refused.message.contains('never overwritten')
        bucket.getObjectAsBytes { it.bucket(BUCKET).key(key) }.asByteArray() == capture
    }

    def "a tampered object is refused loudly, the refusal audited, its bytes never served"() {
        given:
        byte[] forged = '<html><body>Rien à signaler</body></html>'.getBytes('UTF-8')
        bucket.putObject({ it.bucket(BUCKET).key(key).contentType('text/html') }, RequestBody.fromBytes(forged))
        long seq = lastSeq()

        when:
        def download = new Api(objects.URI).get("/api/v1/evidence/${evidenceId}/file", Tokens.of('lawyer'))

        then:
        download.status == 409
        download.problem
        download.text.contains('does not match its SHA-256')
        !download.text.contains('Rien à signaler')
        auditAfter(seq) == ['legal_evidence.integrity_failed']
        auditChanges(seq).contains(sha256(forged))
    }

    def "an object deleted from the bucket is refused the same way"() {
        given:
        bucket.deleteObject { it.bucket(BUCKET).key(key) }
        long seq = lastSeq()

        expect:
        new Api(objects.URI).get("/api/v1/evidence/${evidenceId}/file", Tokens.of('lawyer')).status == 409
        auditAfter(seq) == ['legal_evidence.integrity_failed']
    }

    def "when the row cannot be saved the object is deleted again"() {
        given: 'the database refuses this one capture (a trigger plays a failure after the object is written)'
        TestServices.superuser().withCloseable {
            it.execute '''create function evidence_fails() returns trigger language plpgsql as $$
                          begin if new.url like '%refuse-me%' then raise exception 'refused for the test'; end if; return new; end $$'''
            it.execute 'create trigger evidence_fails before insert on legal_evidence for each row execute function evidence_fails()'
        }
        int before = objectsOfCase().size()

        when:
        def saved = new Api(objects.URI).multipart("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer'),
                [url: 'https://blog.test/refuse-me', capturedAt: '2026-03-10T14:05:00Z'], 'blog.html', 'text/html', capture)

        then:
        saved.status == 500
        objectsOfCase().size() == before

        cleanup:
        TestServices.superuser().withCloseable {
            it.execute 'drop trigger if exists evidence_fails on legal_evidence'
            it.execute 'drop function if exists evidence_fails()'
        }
    }

    def "with object storage configured, #problem still answers a clear 400 and nothing reaches the bucket"() {
        given:
        int before = objectsOfCase().size()

        expect:
        with(new Api(objects.URI).multipart("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer'),
                [url: 'https://blog.test/1', capturedAt: '2026-03-10T14:05:00Z'], name, type, new byte[size])) {
            status == 400 && problem && text.contains(says)
        }
        objectsOfCase().size() == before

        where:
        problem          | name    | type                       | size    || says
        'a refused type' | 'a.exe' | 'application/x-msdownload' | 1       || 'not accepted'
        'a file too big' | 'a.png' | 'image/png'                | 8388609 || '8388608 bytes'
    }

    def "without object storage the database default still works, and its files are read where the row says"() {
        given:
        int before = objectsOfCase().size()

        when:
        def saved = new Api(database.URI).multipart("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer'),
                [url: 'https://blog.test/verdier-2', capturedAt: '2026-03-11T09:00:00Z'], 'blog-2.html', 'text/html', capture)
        def fromDatabase = new Api(database.URI).get("/api/v1/evidence/${saved.json.id}/file", Tokens.of('lawyer'))
        def fromObjectInstance = new Api(objects.URI).get("/api/v1/evidence/${saved.json.id}/file", Tokens.of('lawyer'))

        then:
        saved.status == 201
        row(saved.json.id).storage == 'DATABASE'
        row(saved.json.id).storage_key == null
        filesInDatabase(saved.json.id) == 1
        objectsOfCase().size() == before
        [fromDatabase, fromObjectInstance].every {
            it.status == 200 && it.header('X-Content-SHA256') == sha256(capture) && it.text.getBytes('UTF-8') == capture
        }
    }

    def "with the object storage unreachable, saving and reading its files answer 503 and nothing is saved"() {
        given:
        String inBucket = new Api(objects.URI).multipart("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer'),
                [url: 'https://blog.test/verdier-3', capturedAt: '2026-03-12T09:00:00Z'], 'blog-3.html', 'text/html', capture).json.id
        int before = new Api(objects.URI).get("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer')).json.size()
        moto.close()

        when:
        def saved = new Api(objects.URI).multipart("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer'),
                [url: 'https://blog.test/verdier-4', capturedAt: '2026-03-12T09:00:00Z'], 'blog-4.html', 'text/html', capture)
        def read = new Api(objects.URI).get("/api/v1/evidence/${inBucket}/file", Tokens.of('lawyer'))

        then:
        [saved, read].every { it.status == 503 && it.problem && it.text.contains('storage is unavailable') }
        new Api(objects.URI).get("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer')).json.size() == before
    }

    def "object storage switched on without a bucket stops the application at start, not at the first upload"() {
        when:
        ApplicationContext.run(['taskforce.evidence.s3.enabled': true, 'flyway.enabled': false,
                                'datasources.default.url': 'jdbc:postgresql://127.0.0.1:1/none']).close()

        then:
        def e = thrown(BeanInstantiationException)
        rootMessage(e).contains('taskforce.evidence.s3.bucket is not set')
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e
        while (t.cause != null && t.cause != t) t = t.cause
        t.message
    }

    private List<String> objectsOfCase() {
        bucket.listObjectsV2 { it.bucket(BUCKET).prefix("evidence/${TENANT_A}/${caseId}/") }.contents()*.key()
    }

    private static Map row(String id) {
        TestServices.superuser().withCloseable { it.firstRow('select storage, storage_key from legal_evidence where id = ?::uuid', [id]) }
    }

    private static int filesInDatabase(String id) {
        TestServices.superuser().withCloseable {
            it.firstRow('select count(*) as n from legal_evidence_file where evidence_id = ?::uuid', [id]).n as int
        }
    }

    static String sha256(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
    }

    private static long lastSeq() {
        TestServices.superuser().withCloseable {
            it.firstRow("select coalesce(max(seq), 0) as s from audit_event where tenant_id = '${TENANT_A}'".toString()).s as long
        }
    }

    private static List<String> auditAfter(long seq) {
        TestServices.superuser().withCloseable {
            it.rows("select action from audit_event where tenant_id = '${TENANT_A}' and seq > ${seq} order by seq".toString())*.action
        }
    }

    private static String auditChanges(long seq) {
        TestServices.superuser().withCloseable {
            it.rows("select changes as c from audit_event where tenant_id = '${TENANT_A}' and seq > ${seq} order by seq".toString())*.c.join('\n')
        }
    }
}
