package io.taskforce.notify

import spock.lang.Specification

/** The signature receivers check, against vectors computed independently (openssl dgst -sha256 -hmac). */
class WebhookSignatureSpec extends Specification {

    def "signs '<timestamp>.<body>' with HMAC-SHA256 keyed with the secret's text: #body"() {
        expect:
        WebhookSignature.sign(secret, timestamp, body) == expected
        WebhookSignature.verify(secret, timestamp, body, expected)

        where:
        secret                                        | timestamp  | body                                   || expected
        'whsec-test'                                  | 1700000000 | '{"event":"webhook.test"}'             || 'sha256=f8373f8a0101bbde24604ad2123adfdc0f206075d48ba6c7223001c6133480ea'
        'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE' | 1767225600 | '{"id":"1","data":{"caseTitle":"Été"}}' || 'sha256=9ed761af0007dc7a1d3c895aa0431fdec7e792ea9660d3c1dfcc2a2c13f3b134'
    }

    def "a changed body, timestamp or secret does not verify"() {
        given:
        String header = WebhookSignature.sign('secret', 1700000000, '{"a":1}')

        expect:
        !WebhookSignature.verify('secret', 1700000000, '{"a":2}', header)
        !WebhookSignature.verify('secret', 1700000001, '{"a":1}', header)
        !WebhookSignature.verify('other', 1700000000, '{"a":1}', header)
        !WebhookSignature.verify('secret', 1700000000, '{"a":1}', null)
    }

    def "a new secret is 32 random bytes in base64url, different each time"() {
        when:
        def secrets = (1..20).collect { WebhookSignature.newSecret() }

        then:
        secrets.every { it ==~ /[A-Za-z0-9_-]{43}/ && Base64.urlDecoder.decode(it).length == 32 }
        secrets.toSet().size() == 20
    }

    def "webhook URLs: https, or http to this machine only when allowed (#url, local http allowed: #allowed)"() {
        expect:
        (WebhookService.WebhookUrls.problem(url, allowed) == null) == accepted

        where:
        url                                | allowed || accepted
        'https://hooks.example.com/in'     | false   || true
        'https://hooks.example.com/in'     | true    || true
        'http://hooks.example.com/in'      | true    || false
        'http://localhost:9000/in'         | false   || false
        'http://localhost:9000/in'         | true    || true
        'http://127.0.0.1:9000/in'         | true    || true
        'https://user:pw@hooks.example.com' | false  || false
        'ftp://hooks.example.com/in'       | true    || false
        '/relative/only'                   | true    || false
        'not a url'                        | true    || false
    }
}
