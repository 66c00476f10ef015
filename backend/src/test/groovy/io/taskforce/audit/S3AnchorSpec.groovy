package io.taskforce.audit

import io.micronaut.context.ApplicationContext
import io.micronaut.context.exceptions.BeanInstantiationException
import io.micronaut.context.exceptions.ConfigurationException
import io.micronaut.http.HttpStatus
import io.micronaut.json.JsonMapper
import io.taskforce.identity.Caller
import io.taskforce.identity.CurrentUser
import io.taskforce.identity.Firm
import io.taskforce.platform.db.TenantTransactions
import io.taskforce.platform.problem.ApiException
import io.taskforce.support.MotoServer
import io.taskforce.support.RealServices
import io.taskforce.support.TestServices
import software.amazon.awssdk.services.s3.S3Client
import software.amazon.awssdk.services.s3.model.ChecksumMode
import software.amazon.awssdk.services.s3.model.ObjectLockMode
import software.amazon.awssdk.services.s3.model.S3Exception
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

import java.nio.file.Path
import java.security.MessageDigest
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * Checkpoints anchored in an S3 bucket with object lock, against a real S3 server (moto, which enforces object-lock
 * retention on deletes of a version): an application context of its own whose only anchor is the bucket (no anchor
 * directory), on the shared database. Stepwise: the last feature stops the server.
 */
@Stepwise
@RealServices
class S3AnchorSpec extends Specification {

    static final String LOCKED = 'taskforce-audit-anchors'
    static final String UNLOCKED = 'taskforce-no-object-lock'
    static final int RETENTION_DAYS = 30
    static final Caller CALLER = new Caller(new CurrentUser(UUID.randomUUID().toString(), 'lawyer', 'Louise Garnier',
            ['lawyer'], Firm.LEGAL, null), '203.0.113.7', 'Spec/1.0', 'req-s3')

    @Shared @AutoCleanup MotoServer moto = MotoServer.start()
    @Shared @AutoCleanup S3Client bucket = moto.client()
    @Shared @AutoCleanup ApplicationContext anchored
    @Shared Checkpoints checkpoints
    @Shared AuditVerification verification
    @Shared AuditTrail trail
    @Shared TenantTransactions transactions

    @TempDir Path dir

    def setupSpec() {
        bucket.createBucket { it.bucket(LOCKED).objectLockEnabledForBucket(true) }
        bucket.createBucket { it.bucket(UNLOCKED) }
        anchored = ApplicationContext.run(context([:]) + ['taskforce.audit.anchor.s3.retention-days': RETENTION_DAYS])
        checkpoints = anchored.getBean(Checkpoints)
        verification = anchored.getBean(AuditVerification)
        trail = anchored.getBean(AuditTrail)
        transactions = anchored.getBean(TenantTransactions)
    }

    def "the bucket is this application's only anchor, and its public key is recorded there"() {
        given:
        def key = anchored.getBean(CheckpointKey)

        expect:
        anchored.getBean(CheckpointAnchors).anchors*.getClass() == [S3Anchor]
        text("keys/${key.keyId()}.pem") == key.publicKeyPem()
    }

    def "a signed checkpoint lands in the bucket as the line of an export, locked in COMPLIANCE mode for the retention, with its SHA-256"() {
        given:
        UUID chain = chainOf(5)

        when:
        def signed = checkpoints.signAll().find { it.chain() == chain }
        def key = S3Anchor.objectKey(chain, 5)
        def head = bucket.headObject { it.bucket(LOCKED).key(key).checksumMode(ChecksumMode.ENABLED) }

        then:
        signed.seq() == 5
        key == "checkpoints/${chain}/0000000000000000005.json"
        text(key) == signed.exportLine()
        head.objectLockMode() == ObjectLockMode.COMPLIANCE
        head.objectLockRetainUntilDate() == signed.signedAt().plus(Duration.ofDays(RETENTION_DAYS)).truncatedTo(ChronoUnit.SECONDS)
        head.checksumSHA256() == sha256Base64(signed.exportLine())
        verification.verify(chain, 'anchored').valid
    }

    def "the locked version cannot be deleted, not even with the governance bypass, nor written over"() {
        given:
        UUID chain = chainOf(3)
        def signed = checkpoints.signAll().find { it.chain() == chain }
        def key = S3Anchor.objectKey(chain, 3)
        def version = versions(key).first()

        when: 'someone holding the bucket credentials deletes that version'
        bucket.deleteObject { it.bucket(LOCKED).key(key).versionId(version).bypassGovernanceRetention(true) }

        then: 'the store refuses'
        def refused = thrown(S3Exception)
        refused.statusCode() == 403
        text(key, version) == signed.exportLine()

        when: 'the same checkpoint is recorded again with other content'
        anchored.getBean(CheckpointAnchors).record(new Checkpoint(chain, 3, signed.hash(), signed.signedAt(), signed.keyId(), 'AAAA'))

        then: 'If-None-Match kept the first record as the only one'
        versions(key) == [version]
        text(key) == signed.exportLine()
    }

    def "deleting the newest events with their checkpoint rows is found through the bucket, even when the object was deleted too"() {
        given:
        UUID chain = chainOf(8)
        assert checkpoints.signAll().find { it.chain() == chain }.seq() == 8
        assert verification.verify(chain, 'intact').valid

        when: 'an attacker removes events 6 to 8 and every checkpoint row, moves the head back, and deletes the object (a delete marker)'
        truncate(chain, 5)
        bucket.deleteObject { it.bucket(LOCKED).key(S3Anchor.objectKey(chain, 8)) }
        def result = verification.verify(chain, 'erased')

        then: 'the listing no longer shows the object, but its locked version is still read'
        bucket.listObjectsV2 { it.bucket(LOCKED).prefix("checkpoints/${chain}/") }.contents().isEmpty()
        !result.valid
        result.firstBroken.seq == 8
        result.firstBroken.reason.contains('the checkpoint at event 8 recorded outside the database is missing from the database')
    }

    def "in GOVERNANCE mode the objects are locked in that mode: refused without the bypass, removable with it"() {
        given:
        def key = new CheckpointKey('', dir.resolve('key.pem').toString(), true)
        def anchor = new S3Anchor(settings([mode: 'governance']), key, JsonMapper.createDefault())
        UUID chain = UUID.randomUUID()
        def unsigned = new Checkpoint(chain, 4, HashChain.sha256Hex('event 4'), Instant.now().truncatedTo(ChronoUnit.MICROS), key.keyId(), '')
        def checkpoint = new Checkpoint(chain, 4, unsigned.hash(), unsigned.signedAt(), key.keyId(), key.sign(unsigned.payload()))

        when:
        anchor.record(checkpoint)
        def objectKey = S3Anchor.objectKey(chain, 4)
        def version = versions(objectKey).first()

        then:
        bucket.headObject { it.bucket(LOCKED).key(objectKey) }.objectLockMode() == ObjectLockMode.GOVERNANCE
        anchor.of(chain) == [checkpoint]

        when:
        bucket.deleteObject { it.bucket(LOCKED).key(objectKey).versionId(version) }

        then:
        thrown(S3Exception)

        when:
        bucket.deleteObject { it.bucket(LOCKED).key(objectKey).versionId(version).bypassGovernanceRetention(true) }

        then:
        versions(objectKey).isEmpty()

        cleanup:
        anchor?.close()
    }

    def "the application refuses to start when #problem"() {
        when:
        ApplicationContext.run(context(properties) + ['flyway.enabled': false]).close()

        then:
        def e = thrown(BeanInstantiationException)
        rootMessage(e).contains(message)

        where:
        problem                                    | properties                                   || message
        'the bucket does not have object lock'     | [bucket: UNLOCKED]                           || "bucket '${UNLOCKED}' does not have S3 Object Lock enabled: refusing to start"
        'the bucket does not exist'                | [bucket: 'nobody-made-this-one']             || 'NoSuchBucket): refusing to start'
        'the server does not answer'               | [endpoint: 'http://127.0.0.1:1']             || 'Cannot reach the audit anchor bucket'
        'the mode is neither of the two'           | [mode: 'LOCKED']                             || "mode (AUDIT_ANCHOR_S3_MODE) must be COMPLIANCE or GOVERNANCE; got 'LOCKED'"
        'the retention is not a number of days'    | ['retention-days': 'ten']                    || "retention-days (AUDIT_ANCHOR_S3_RETENTION_DAYS) must be a whole number of days from 1 to 36500; got 'ten'"
        'the retention is zero'                    | ['retention-days': '0']                      || "got '0'"
        'the endpoint is not a URL'                | [endpoint: 'minio:9000']                     || "endpoint (AUDIT_ANCHOR_S3_ENDPOINT) must be an https URL"
        'an endpoint is given without a bucket'    | [bucket: '', endpoint: 'https://s3.test']    || 'endpoint or access-key is set but no bucket (AUDIT_ANCHOR_S3_BUCKET)'
    }

    def "outside a local run the endpoint must be https, and without a directory or a bucket there is no start"() {
        when:
        settings([endpoint: 'http://minio.storage:9000']).check(false)

        then:
        def e = thrown(ConfigurationException)
        e.message.contains('endpoint (AUDIT_ANCHOR_S3_ENDPOINT) must be an https URL')

        when:
        settings([endpoint: 'http://minio.storage:9000']).check(true)
        settings([endpoint: 'https://minio.storage:9000']).check(false)
        settings([endpoint: '']).check(false)

        then:
        noExceptionThrown()

        when:
        new CheckpointAnchors('', new AnchorS3Settings(null, null, 'us-east-1', null, null, false, '3650', 'COMPLIANCE'), false,
                new CheckpointKey('', dir.resolve('k.pem').toString(), true), JsonMapper.createDefault())

        then:
        def none = thrown(ConfigurationException)
        none.message.contains('Neither taskforce.audit.anchor-dir (AUDIT_ANCHOR_DIR) nor taskforce.audit.anchor.s3.bucket')
    }

    def "with the bucket unreachable a checkpoint is still signed and kept in the database, and verification answers 503"() {
        given:
        UUID chain = chainOf(2)
        moto.close()

        when:
        def signed = checkpoints.signAll().find { it.chain() == chain }

        then: 'signed, in the database, not anchored (logged); the next checkpoint of the chain will be'
        signed.seq() == 2
        TestServices.superuser().withCloseable {
            it.firstRow("select count(*) as n from audit_checkpoint where tenant_id = ${chain}").n == 1
        }

        when:
        verification.verify(chain, 'unreachable')

        then: 'no verdict without the record outside the database'
        def unavailable = thrown(ApiException)
        unavailable.status() == HttpStatus.SERVICE_UNAVAILABLE
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** An application context anchored in the bucket only; overrides are taskforce.audit.anchor.s3.* names. */
    private Map context(Map overrides) {
        def s3 = [bucket: LOCKED, endpoint: moto.endpoint(), region: MotoServer.REGION, 'access-key': MotoServer.ACCESS_KEY,
                  'secret-key': MotoServer.SECRET_KEY, 'path-style': true] + overrides
        s3.collectEntries { k, v -> ["taskforce.audit.anchor.s3.${k}".toString(), v] } + [
                'taskforce.audit.anchor-dir': '', 'taskforce.jobs.enabled': false, 'taskforce.demo.enabled': false]
    }

    private AnchorS3Settings settings(Map overrides) {
        def s = [bucket: LOCKED, endpoint: moto.endpoint(), mode: 'COMPLIANCE'] + overrides
        new AnchorS3Settings(s.bucket, s.endpoint, MotoServer.REGION, MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY, true,
                RETENTION_DAYS.toString(), s.mode)
    }

    private String text(String key, String version = null) {
        bucket.getObjectAsBytes { it.bucket(LOCKED).key(key).versionId(version) }.asUtf8String()
    }

    private List<String> versions(String key) {
        bucket.listObjectVersions { it.bucket(LOCKED).prefix(key) }.versions()*.versionId()
    }

    private UUID chainOf(int events) {
        UUID chain = UUID.randomUUID()
        TestServices.superuser().withCloseable {
            it.execute("insert into tenant (id, slug, name) values (${chain}, ${'s3-' + chain.toString().take(8)}, 'Chain')")
        }
        events.times { i ->
            transactions.write(chain) {
                trail.record(CALLER, AuditEntry.of('case.updated', 'case', "entity-${i}", [title: new Change('a', 'b')]))
            }
        }
        chain
    }

    /** The attacker with the owner role: keeps events up to {@code keep}, deletes every checkpoint row, moves the head back. */
    private static void truncate(UUID chain, long keep) {
        TestServices.superuser().withCloseable { sql ->
            sql.execute("delete from audit_event where tenant_id = ${chain} and seq > ${keep}")
            sql.execute("delete from audit_checkpoint where tenant_id = ${chain}")
            def last = sql.firstRow("select hash from audit_event where tenant_id = ${chain} and seq = ${keep}").hash
            sql.execute("update audit_chain_head set last_seq = ${keep}, last_hash = ${last} where tenant_id = ${chain}")
        }
    }

    private static String sha256Base64(String text) {
        MessageDigest.getInstance('SHA-256').digest(text.getBytes('UTF-8')).encodeBase64().toString()
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e
        while (t.cause != null && t.cause != t) t = t.cause
        t.message
    }
}
