package io.taskforce.audit

import io.micronaut.context.ApplicationContext
import io.micronaut.context.exceptions.BeanInstantiationException
import io.micronaut.context.exceptions.ConfigurationException
import io.micronaut.json.JsonMapper
import io.taskforce.support.TestServices
import io.taskforce.support.WebhookReceiver
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.temporal.ChronoUnit

/** The checkpoint key: required outside local runs; every key that ever signed stays known by its id. */
class CheckpointKeysSpec extends Specification {

    @TempDir Path dir

    static final UUID CHAIN = UUID.fromString('0e1f3c2e-0d4b-4e5f-9a8b-7c6d5e4f3a2b')

    def "outside a local run, no configured key means no start"() {
        when:
        new CheckpointKey('', keyFile, false)

        then:
        def e = thrown(ConfigurationException)
        e.message.contains('AUDIT_CHECKPOINT_KEY')

        where:
        keyFile << ['', '/nonexistent/audit-key.pem']
    }

    def "the application context refuses to start without a key unless it is a local run"() {
        when:
        ApplicationContext.run(TestServices.database().connectionProperties() + [
                'taskforce.local-run'                : false,
                'taskforce.audit.checkpoint-key'     : '',
                'taskforce.audit.checkpoint-key-file': '',
                'taskforce.oidc.issuer'              : 'https://localhost:1/realms/x',
                'taskforce.oidc.jwks-url'            : 'https://localhost:1/certs',
                'taskforce.oidc.public-url'          : 'https://localhost:1',
                'taskforce.jobs.enabled'             : false,
                'flyway.enabled'                     : false])

        then:
        def e = thrown(BeanInstantiationException)
        rootMessage(e).contains('No audit checkpoint key')
    }

    def "a local run generates a key file, and an existing key file is enough outside a local run"() {
        given:
        String file = dir.resolve('key.pem').toString()

        when:
        def generated = new CheckpointKey('', file, true)
        def reused = new CheckpointKey('', file, false)

        then:
        Files.exists(Path.of(file))
        reused.keyId() == generated.keyId()
    }

    def "after the key is rotated from A to B, checkpoints signed with either verify; an unknown key id is reported"() {
        given: 'instance A signs a checkpoint, recording its public key in the anchor directory'
        def anchors = dir.resolve('anchors').toString()
        def keyA = key('a')
        new DirectoryAnchor(anchors, keyA, JsonMapper.createDefault())
        def signedByA = sign(keyA, 5)

        and: 'the key is rotated: the instance now runs with B'
        def keyB = key('b')
        def ring = new CheckpointKeyRing(keyB, new CheckpointAnchors([new DirectoryAnchor(anchors, keyB, JsonMapper.createDefault())]))
        def signedByB = sign(keyB, 9)

        and: 'a checkpoint names a key nobody recorded'
        def keyC = key('c')
        def signedByC = sign(keyC, 12)

        expect:
        keyA.keyId() != keyB.keyId()
        ring.check(signedByA) == CheckpointKeyRing.Verdict.AUTHENTIC
        ring.check(signedByB) == CheckpointKeyRing.Verdict.AUTHENTIC
        ring.check(signedByC) == CheckpointKeyRing.Verdict.UNKNOWN_KEY
        ring.check(withSignature(signedByA, signedByB.signature())) == CheckpointKeyRing.Verdict.BAD_SIGNATURE

        when: 'the three are weighed as verification does'
        def comparison = new CheckpointComparison([signedByA, signedByB, signedByC], [], ring.&check)

        then:
        comparison.hashes().keySet() == [5L, 9L] as Set
        comparison.firstProblem().seq() == 12
        comparison.firstProblem().reason().contains("unknown key (key id ${keyC.keyId()})")
    }

    def "a checkpoint recorded outside the database but missing from it is named"() {
        given:
        def key = key('a')
        def ring = new CheckpointKeyRing(key, new CheckpointAnchors([new DirectoryAnchor(dir.resolve('anchors').toString(), key,
                JsonMapper.createDefault())]))
        def first = sign(key, 4)
        def second = sign(key, 8)

        when:
        def comparison = new CheckpointComparison([first], [first, second], ring.&check)

        then:
        comparison.hashes() == [4L: first.hash(), 8L: second.hash()]
        comparison.firstProblem().seq() == 8
        comparison.firstProblem().reason().contains('missing from the database')
    }

    def "an anchored checkpoint file is created once and read back exactly"() {
        given:
        def key = key('a')
        def anchor = new DirectoryAnchor(dir.resolve('anchors').toString(), key, JsonMapper.createDefault())
        def checkpoint = sign(key, 3)

        when:
        anchor.record(checkpoint)
        anchor.record(withSignature(checkpoint, 'AAAA'))

        then: 'the second write left the first file as it was'
        anchor.of(CHAIN) == [checkpoint]
        Files.list(dir.resolve('anchors').resolve(CHAIN.toString())).count() == 1
    }

    def "a witness receives each new checkpoint as the signed line of an export"() {
        given:
        def receiver = new WebhookReceiver()
        def key = key('a')
        def checkpoint = sign(key, 7)

        when:
        new CheckpointWitness(receiver.url('/witness'), true).send(checkpoint)

        then:
        receiver.at('/witness').size() == 1
        receiver.at('/witness')[0].header('Content-Type') == 'application/json'
        receiver.at('/witness')[0].json == [checkpoint: checkpoint.payload(), signature: checkpoint.signature()]

        cleanup:
        receiver?.close()
    }

    def "outside a local run a witness must be reached over https"() {
        when:
        new CheckpointWitness('http://witness.example.com/in', false)

        then:
        thrown(ConfigurationException)
    }

    private CheckpointKey key(String name) {
        new CheckpointKey('', dir.resolve("${name}.pem").toString(), true)
    }

    private static Checkpoint sign(CheckpointKey key, long seq) {
        def unsigned = new Checkpoint(CHAIN, seq, HashChain.sha256Hex("event ${seq}"), Instant.now().truncatedTo(ChronoUnit.MICROS),
                key.keyId(), '')
        withSignature(unsigned, key.sign(unsigned.payload()))
    }

    private static Checkpoint withSignature(Checkpoint c, String signature) {
        new Checkpoint(c.chain(), c.seq(), c.hash(), c.signedAt(), c.keyId(), signature)
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e
        while (t.cause != null && t.cause != t) t = t.cause
        t.message
    }
}
