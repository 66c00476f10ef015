package io.taskforce.identity

import io.micronaut.context.ApplicationContext
import io.micronaut.context.exceptions.BeanInstantiationException
import spock.lang.Specification

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** Fail closed: no way to verify tokens means no application. (No database needed: it fails before.) */
class FailClosedStartupSpec extends Specification {

    static final Map NO_DATABASE = ['flyway.enabled': false, 'datasources.default.url': 'jdbc:postgresql://127.0.0.1:1/none']
    static final Map HTTPS = ['taskforce.oidc.issuer'  : 'https://id.example.com/realms/x',
                              'taskforce.oidc.jwks-url': 'https://id.example.com/realms/x/protocol/openid-connect/certs']

    def "the application refuses to start when #setting"() {
        when:
        ApplicationContext.run(properties + NO_DATABASE)

        then:
        def e = thrown(BeanInstantiationException)
        rootMessage(e).contains(message)

        where:
        setting                              | properties                                                                   | message
        'no JWKS location nor issuer is set' | ['taskforce.oidc.issuer': '', 'taskforce.oidc.jwks-url': '']                 | 'refusing to start'
        'the JWKS location is not a URL'     | ['taskforce.oidc.issuer': 'http://localhost/realms/x', 'taskforce.oidc.jwks-url': 'certs'] | 'must be an absolute http(s) URL'
        'the issuer is missing'              | ['taskforce.oidc.issuer': '', 'taskforce.oidc.jwks-url': 'https://localhost/certs'] | 'OIDC_ISSUER'
        'the keys come over plain HTTP'      | HTTPS + ['taskforce.local-run': false, 'taskforce.oidc.jwks-url': 'http://keycloak:8080/certs'] | 'OIDC_JWKS_URL) must be an https URL'
        'the issuer is plain HTTP'           | HTTPS + ['taskforce.local-run': false, 'taskforce.oidc.issuer': 'http://id.example.com/realms/x'] | 'OIDC_ISSUER) must be an https URL'
        'the admin API is plain HTTP'        | HTTPS + ['taskforce.local-run': false, 'taskforce.keycloak-admin.client-secret': 's',
                                                      'taskforce.keycloak-admin.url': 'http://keycloak:8080'] | 'KEYCLOAK_ADMIN_URL) must be an https URL'
        'the admin API falls back to a plain-HTTP public URL' | HTTPS + ['taskforce.local-run': false, 'taskforce.keycloak-admin.client-secret': 's',
                                                      'taskforce.oidc.public-url': 'http://id.example.com'] | 'OIDC_PUBLIC_URL) must be an https URL'
    }

    def "a local run may use plain HTTP for the identity provider, and only a local run"() {
        given:
        def oidc = new OidcSettings('http://localhost:8180/realms/x', 'http://localhost:8180/certs', 'taskforce-api',
                'http://localhost:8180', 'x', 'taskforce-spa')
        def admin = new KeycloakAdminSettings('', 'x', 'taskforce-admin', 'secret')

        when:
        new JwksRequired(oidc, admin, true)

        then:
        noExceptionThrown()

        when:
        new JwksRequired(oidc, admin, false)

        then:
        thrown(io.micronaut.context.exceptions.ConfigurationException)
    }

    def "without DATASOURCE_URL the application refuses to start unless it is a local run: no embedded database in the image"() {
        given: 'the application started as the image starts it, without a database URL'
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def process = new ProcessBuilder(java, '-cp', System.getProperty('java.class.path'), 'io.taskforce.Application')
                .redirectErrorStream(true)
        process.environment().keySet().removeAll(['DATASOURCE_URL', 'TASKFORCE_LOCAL_RUN', 'TASKFORCE_DATA_DIR'])

        when:
        def started = process.start()
        boolean ended = started.waitFor(60, TimeUnit.SECONDS)
        if (!ended) started.destroyForcibly()
        def output = started.inputStream.text

        then:
        ended
        started.exitValue() == 2
        output.contains('DATASOURCE_URL is not set: refusing to start')
        output.contains('TASKFORCE_LOCAL_RUN=true')
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e
        while (t.cause != null && t.cause != t) t = t.cause
        t.message
    }
}
