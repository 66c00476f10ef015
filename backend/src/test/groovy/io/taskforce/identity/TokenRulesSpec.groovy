package io.taskforce.identity

import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** The claims an access token must also carry (pure rule; the rejection of real tokens is in TokenRejectionSpec). */
class TokenRulesSpec extends Specification {

    static final Instant NOW = Instant.parse('2026-12-06T10:00:00Z')
    static final TokenRules RULES = new TokenRules(['taskforce-spa', 'taskforce-cli'] as Set, Duration.ofSeconds(30))

    static Map claims(Map changes = [:]) {
        ([exp: new Date(NOW.plusSeconds(300).toEpochMilli()), typ: 'Bearer', azp: 'taskforce-spa'] + changes).findAll { k, v -> v != null }
    }

    def "#description"() {
        expect:
        RULES.refusal(claims(changes), NOW).orElse('accepted').startsWith(expected)

        where:
        description                                   | changes                                                        || expected
        'a fresh access token of the web app passes'   | [:]                                                            || 'accepted'
        'the scripting client is ours too'             | [azp: 'taskforce-cli']                                         || 'accepted'
        'exp as epoch seconds is read the same'        | [exp: NOW.plusSeconds(60).epochSecond]                         || 'accepted'
        'no exp: refused, it would never expire'       | [exp: null]                                                    || 'no expiry'
        'expired a minute ago'                         | [exp: new Date(NOW.minusSeconds(60).toEpochMilli())]            || 'expired'
        'expired 10 s ago: within the skew'            | [exp: new Date(NOW.minusSeconds(10).toEpochMilli())]            || 'accepted'
        'not valid before a minute from now'           | [nbf: new Date(NOW.plusSeconds(60).toEpochMilli())]             || 'not yet valid'
        'valid from 10 s from now: within the skew'    | [nbf: new Date(NOW.plusSeconds(10).toEpochMilli())]             || 'accepted'
        'an ID token'                                  | [typ: 'ID']                                                    || 'not an access token'
        'a refresh token'                              | [typ: 'Refresh']                                               || 'not an access token'
        'no typ'                                       | [typ: null]                                                    || 'not an access token'
        'issued to another client'                     | [azp: 'taskforce-other']                                       || 'issued to a client'
        'no azp'                                       | [azp: null]                                                    || 'issued to a client'
    }
}
