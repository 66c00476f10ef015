package io.taskforce.identity

import io.micronaut.context.ApplicationContext
import io.micronaut.context.exceptions.BeanInstantiationException
import spock.lang.Specification

/** Fail closed: no way to verify tokens means no application. (No database needed: it fails before.) */
class FailClosedStartupSpec extends Specification {

    def "the application refuses to start when #setting"() {
        when:
        ApplicationContext.run(properties + ['flyway.enabled': false, 'datasources.default.url': 'jdbc:postgresql://127.0.0.1:1/none'])

        then:
        def e = thrown(BeanInstantiationException)
        rootMessage(e).contains(message)

        where:
        setting                              | properties                                                                   | message
        'no JWKS location nor issuer is set' | ['taskforce.oidc.issuer': '', 'taskforce.oidc.jwks-url': '']                 | 'refusing to start'
        'the JWKS location is not a URL'     | ['taskforce.oidc.issuer': 'http://localhost/realms/x', 'taskforce.oidc.jwks-url': 'certs'] | 'must be an absolute http(s) URL'
        'the issuer is missing'              | ['taskforce.oidc.issuer': '', 'taskforce.oidc.jwks-url': 'http://localhost/certs'] | 'OIDC_ISSUER'
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e
        while (t.cause != null && t.cause != t) t = t.cause
        t.message
    }
}
