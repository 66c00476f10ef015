package io.taskforce.audit

import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.util.concurrent.TimeUnit

/** The one JSON form that is hashed, and that an outsider reproduces with {@code jq -cS .}. */
class CanonicalJsonSpec extends Specification {

    def "object keys are sorted, at every level of nesting"() {
        given:
        def inner = new LinkedHashMap<String, Object>([z: 1, a: [y: true, b: false]])
        def outer = new LinkedHashMap<String, Object>([zeta: inner, alpha: 'x', Beta: null, '10': 1, '9': 2])

        expect:
        CanonicalJson.write(outer) == '{"10":1,"9":2,"Beta":null,"alpha":"x","zeta":{"a":{"b":false,"y":true},"z":1}}'
    }

    def "objects inside lists have their keys sorted too, and lists keep their order"() {
        expect:
        CanonicalJson.write([[b: 1, a: 2], 'z', 'a']) == '[{"a":2,"b":1},"z","a"]'
    }

    def "a #what is escaped as #expected"() {
        expect:
        CanonicalJson.write(text) == expected

        where:
        what                       | text                | expected
        'quote'                    | 'say "hi"'          | '"say \\"hi\\""'
        'backslash'                | 'C:\\dir'           | '"C:\\\\dir"'
        'newline'                  | 'a\nb'              | '"a\\nb"'
        'carriage return'          | 'a\rb'              | '"a\\rb"'
        'tab'                      | 'a\tb'              | '"a\\tb"'
        'backspace'                | 'a\bb'              | '"a\\bb"'
        'form feed'                | 'a\fb'              | '"a\\fb"'
        'NUL character'            | 'a\u0000b'          | '"a\\u0000b"'
        'unit separator (0x1f)'    | 'a\u001fb'          | '"a\\u001fb"'
        'escape character (0x1b)'  | '\u001b[31m'        | '"\\u001b[31m"'
        'solidus (left as is)'     | 'a/b'               | '"a/b"'
    }

    def "non-ASCII text is kept as it is: #what"() {
        expect:
        CanonicalJson.write(text) == '"' + text + '"'
        !CanonicalJson.write(text).contains('\\u')

        where:
        what                     | text
        'accented letters'       | 'Réputation à l\'été'
        'an emoji (surrogates)'  | 'ok 😀 👍🏽'
        'CJK'                    | '危機管理'
        'line separator U+2028'  | 'a\u2028b'
    }

    def "#what is written as #expected"() {
        expect:
        CanonicalJson.write(value) == expected

        where:
        what             | value                               | expected
        'zero'           | 0                                   | '0'
        'an int'         | 42                                  | '42'
        'a negative int' | -7                                  | '-7'
        'a long'         | 9_007_199_254_740_993L              | '9007199254740993'
        'a short'        | (short) 3                           | '3'
        'true'           | true                                | 'true'
        'false'          | false                               | 'false'
        'null'           | null                                | 'null'
        'an empty list'  | []                                  | '[]'
        'an empty map'   | [:]                                 | '{}'
        'a list'         | [1, 'two', null, false]             | '[1,"two",null,false]'
        'a UUID'         | UUID.fromString('0b7e4a8c-2f3d-4c1e-9a6b-5d4c3b2a1f00') | '"0b7e4a8c-2f3d-4c1e-9a6b-5d4c3b2a1f00"'
    }

    def "the same content in any insertion order gives the same text"() {
        given:
        def one = new LinkedHashMap<String, Object>()
        one.put('b', 2); one.put('a', 1); one.put('c', [y: 1, x: 2])
        def two = new LinkedHashMap<String, Object>()
        two.put('c', [x: 2, y: 1]); two.put('a', 1); two.put('b', 2)

        expect:
        CanonicalJson.write(one) == CanonicalJson.write(two)
    }

    def "the output equals jq -cS for #what"() {
        given:
        String canonical = CanonicalJson.write(document)

        expect:
        jqCompactSorted(canonical) == canonical
        jqCompactSorted(shuffledAndSpaced(document)) == canonical

        where:
        what                       | document
        'a flat object'            | [b: 1, a: 'x', c: null, d: true]
        'nested objects and lists' | [outer: [z: [3, 2, 1], a: [k: 'v', j: [[q: 1, p: 2]]]], list: [[b: 1, a: 2]]]
        'escapes and non-ASCII'    | [text: 'quote " backslash \\ nl \n tab \t cr \r nul \u0000 esc \u001b é 😀 危']
        'an audit event'           | auditEvent()
        'a checkpoint payload'     | [chain: '00000000-0000-0000-0000-000000000000', seq: 12, hash: 'ab' * 32,
                                      signed_at: '2025-01-02T03:04:05.123456Z', key_id: '0123456789abcdef']
    }

    def "an audit event's canonical text is reproduced by jq -cS"() {
        given:
        def event = new AuditEvent(UUID.fromString('9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f'), 7,
                java.time.Instant.parse('2025-03-04T05:06:07.000089Z'), 'sub-1', 'élise "the boss"',
                ['client', 'lawyer'], 'LEGAL', 'case.updated', 'case', 'c-1', null, '{"title":{"after":"b","before":"a"}}',
                '203.0.113.9', 'Mozilla/5.0 (X11) \\o/', 'req-1', HashChain.GENESIS, null)

        expect:
        jqCompactSorted(event.canonical()) == event.canonical()
    }

    private static Map auditEvent() {
        [chain     : '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f', seq: 1, occurred_at: '2025-01-02T03:04:05.000001Z',
         actor     : [subject: 's', username: 'zoë', roles: ['consultant'], firm: 'COMMUNICATION'],
         action    : 'tenant.created', entity: [type: 'tenant', id: 'x'], case_id: null,
         changes_sha256: 'cd' * 32, ip: '127.0.0.1', user_agent: 'curl/8', request_id: null]
    }

    /** The same document, keys in reverse order and pretty-printed: jq must canonicalise it back. */
    private static String shuffledAndSpaced(Object value) {
        if (value instanceof Map) {
            def keys = (value as Map).keySet().collect { it.toString() }.sort().reverse()
            return '{\n  ' + keys.collect { k -> CanonicalJson.write(k) + ' : ' + shuffledAndSpaced((value as Map)[k]) }
                    .join(' ,\n  ') + '\n}'
        }
        if (value instanceof List) {
            return '[ ' + (value as List).collect { shuffledAndSpaced(it) }.join(' , ') + ' ]'
        }
        CanonicalJson.write(value)
    }

    static String jqCompactSorted(String json) {
        Process process
        try {
            process = new ProcessBuilder('jq', '-cS', '.').redirectErrorStream(false).start()
        } catch (IOException e) {
            throw new AssertionError('jq is needed to check the canonical form against what verifiers use; '
                    + 'install jq: apt-get install -y jq', e)
        }
        process.outputStream.withStream { it.write(json.getBytes(StandardCharsets.UTF_8)) }
        String out = new String(process.inputStream.readAllBytes(), StandardCharsets.UTF_8)
        String err = new String(process.errorStream.readAllBytes(), StandardCharsets.UTF_8)
        assert process.waitFor(30, TimeUnit.SECONDS): 'jq did not finish'
        assert process.exitValue() == 0: "jq failed: ${err}"
        assert out.endsWith('\n')
        out.substring(0, out.length() - 1)
    }
}
