package io.taskforce.audit

import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.util.concurrent.TimeUnit

/** hash = SHA-256(previous hash ‖ canonical event), as UTF-8 text, lower-case hex. */
class HashChainSpec extends Specification {

    static final String EVENT = '{"action":"tenant.created","actor":{"username":"zoë 😀"},"seq":1}'

    def "the genesis hash is 64 zeros"() {
        expect:
        HashChain.GENESIS == '0' * 64
        HashChain.GENESIS.length() == 64
    }

    def "a link is the SHA-256 of the previous hash followed by the event, as UTF-8"() {
        expect:
        HashChain.link(previous, event) == independentSha256(previous + event)
        HashChain.link(previous, event) ==~ /[0-9a-f]{64}/

        where:
        previous                                   | event
        HashChain.GENESIS                          | EVENT
        HashChain.GENESIS                          | ''
        'ab' * 32                                  | '{"é":"\\u0000","x":"危機"}'
        HashChain.sha256Hex('anything')            | EVENT
    }

    def "the SHA-256 of a known text is the published value"() {
        expect:
        HashChain.sha256Hex('') == 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
        HashChain.sha256Hex('abc') == 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    }

    def "sha256sum over printf '%s%s' of the two texts recomputes a link"() {
        given:
        String previous = HashChain.sha256Hex('the first event')

        expect:
        HashChain.link(previous, EVENT) == sha256sum(previous + EVENT)
        HashChain.link(HashChain.GENESIS, EVENT) == sha256sum(HashChain.GENESIS + EVENT)
    }

    def "changing one character of the #which (#how) changes the link"() {
        given:
        String previous = HashChain.sha256Hex('previous')
        String original = HashChain.link(previous, EVENT)

        expect:
        HashChain.link(alter(previous, which == 'previous hash' ? at : -1),
                alter(EVENT, which == 'event' ? at : -1)) != original

        where:
        which           | how                     | at
        'previous hash' | 'its first character'   | 0
        'previous hash' | 'its last character'    | 63
        'event'         | 'its first character'   | 0
        'event'         | 'a character inside'    | 20
        'event'         | 'the non-ASCII letter'  | EVENT.indexOf('ë')
        'event'         | 'its last character'    | EVENT.length() - 1
    }

    def "only the concatenation is hashed, which is why a previous hash is always exactly 64 characters"() {
        expect: 'the same bytes split elsewhere give the same link'
        HashChain.link('0' * 63, '0' + EVENT) == HashChain.link(HashChain.GENESIS, EVENT)

        and: 'every link is 64 hex characters, so the split is fixed'
        HashChain.link(HashChain.GENESIS, EVENT).length() == 64
    }

    def "a hash is lower-case hex"() {
        expect:
        HashChain.sha256Hex(EVENT) == HashChain.sha256Hex(EVENT).toLowerCase()
    }

    /** The same string with the character at {@code index} replaced by another one; unchanged for -1. */
    private static String alter(String text, int index) {
        if (index < 0) {
            return text
        }
        char replacement = text.charAt(index) == (char) 'a' ? (char) 'b' : (char) 'a'
        text.substring(0, index) + replacement + text.substring(index + 1)
    }

    private static String independentSha256(String text) {
        MessageDigest.getInstance('SHA-256').digest(text.getBytes(StandardCharsets.UTF_8))
                .collect { String.format('%02x', it & 0xff) }.join()
    }

    private static String sha256sum(String text) {
        Process process
        try {
            process = new ProcessBuilder('sha256sum').start()
        } catch (IOException e) {
            throw new AssertionError('sha256sum (GNU coreutils) is needed: apt-get install -y coreutils', e)
        }
        process.outputStream.withStream { it.write(text.getBytes(StandardCharsets.UTF_8)) }
        String out = new String(process.inputStream.readAllBytes(), StandardCharsets.US_ASCII)
        assert process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0
        out.split(/\s+/)[0]
    }
}
