package io.taskforce.platform.web

import io.micronaut.context.exceptions.ConfigurationException
import spock.lang.Specification

/** The client's address: X-Forwarded-For believed only as far as trusted proxies vouch for it. */
class TrustedProxiesSpec extends Specification {

    static final TrustedProxies PROXIES = new TrustedProxies(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', ' '])

    def "#situation: the client is #expected"() {
        expect:
        PROXIES.clientAddress(peer, forwardedFor) == expected

        where:
        situation                                                   | peer             | forwardedFor                                  || expected
        'no proxy, no header'                                       | '203.0.113.5'    | []                                            || '203.0.113.5'
        'an untrusted peer sends a spoofed header'                  | '203.0.113.5'    | ['198.51.100.1']                              || '203.0.113.5'
        'a trusted proxy forwards for a client'                     | '10.1.2.3'       | ['198.51.100.1']                              || '198.51.100.1'
        'the client prepended a lie: the right-most untrusted wins' | '10.1.2.3'       | ['1.1.1.1', '198.51.100.1']                   || '198.51.100.1'
        'two trusted proxies in a row'                              | '10.1.2.3'       | ['198.51.100.1', '192.168.1.7']               || '198.51.100.1'
        'only trusted hops: the left-most is all we know'           | '10.1.2.3'       | ['10.9.9.9']                                  || '10.9.9.9'
        'a hop that is not an address stops the walk'               | '10.1.2.3'       | ['198.51.100.1', 'evil.example.com']          || '10.1.2.3'
        'an out-of-range IPv4 is not an address'                    | '10.1.2.3'       | ['999.1.1.1']                                 || '10.1.2.3'
        'IPv6 proxies and clients'                                  | 'fd00::1'        | ['2001:db8::7']                               || '2001:db8::7'
        'a host outside the single trusted address'                 | '192.168.1.8'    | ['198.51.100.1']                              || '192.168.1.8'
    }

    def "a bad entry in the configuration stops the start: #entry"() {
        when:
        new TrustedProxies([entry])

        then:
        thrown(ConfigurationException)

        where:
        entry << ['proxy.example.com', '10.0.0.0/33', '10.0.0.0/x', '::1/129']
    }
}
