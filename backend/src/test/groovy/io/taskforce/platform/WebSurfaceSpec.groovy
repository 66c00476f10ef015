package io.taskforce.platform

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

@RealServices
class WebSurfaceSpec extends Specification {

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api

    def setup() { api = new Api(server.URI) }

    def "liveness and readiness answer UP; anonymous callers get the status alone, signed-in operators the details"() {
        expect:
        api.get('/health/liveness').status == 200

        when:
        def anonymous = api.get('/health/readiness')
        def operator = api.get('/health/readiness', Tokens.of('admin'))

        then:
        anonymous.status == 200
        anonymous.json.status == 'UP'
        anonymous.json.details == null
        !anonymous.text.contains('jdbc')
        operator.json.status == 'UP'
        operator.json.details.jdbc
    }

    def "every response carries the security headers; API answers are never cached; HSTS only over HTTPS"() {
        when:
        def page = api.get('/')
        def answer = api.get('/api/v1/me', Tokens.of('consultant'))
        def error = api.get('/api/v1/nothing-here')
        def proxied = api.get('/', null, ['X-Forwarded-Proto': 'https'])

        then:
        [page, answer, error].every { r ->
            r.header('X-Content-Type-Options') == 'nosniff' && r.header('Referrer-Policy') == 'no-referrer' &&
                    r.header('X-Frame-Options') == 'DENY' && r.header('Content-Security-Policy').contains("frame-ancestors 'none'")
        }
        with(page.header('Content-Security-Policy')) {
            contains("script-src 'self';")
            !contains("script-src 'self' 'unsafe-inline'")
            contains("connect-src 'self' ${TestServices.KEYCLOAK_URL}")
        }
        answer.header('Cache-Control') == 'no-store'
        error.header('Cache-Control') == 'no-store'
        page.header('Cache-Control') != 'no-store'
        page.header('Strict-Transport-Security') == null
        proxied.header('Strict-Transport-Security').startsWith('max-age=')
    }

    def "the OpenAPI description is served and lists /api/v1/me"() {
        when:
        def doc = api.get('/openapi/taskforce-api-v1.yml')

        then:
        doc.status == 200
        doc.text.contains('/api/v1/me')
    }

    def "the web app learns where Keycloak is without logging in"() {
        when:
        def config = api.get('/api/v1/client-config')

        then:
        config.status == 200
        config.json == [authServerUrl: TestServices.KEYCLOAK_URL, realm: 'taskforce', clientId: 'taskforce-spa']
    }

    def "an unknown API path answers 404 as problem+json, even when authenticated"() {
        when:
        def response = api.get('/api/v1/nothing-here', Tokens.of('consultant'))

        then:
        response.status == 404
        response.problem
        response.json.status == 404
        response.json.requestId
    }

    def "a deep link of the web app is answered with the app itself"() {
        when:
        def response = api.get('/cases/8d4e0c2a-1111-4222-8333-944455556666', null, [Accept: 'text/html'])

        then:
        response.status == 200
        response.contentType.startsWith('text/html')
        response.text.contains('<div id="app"')
    }

    def "a missing asset stays a 404"() {
        expect:
        api.get('/assets/missing.js', null, [Accept: '*/*']).status == 404
    }

    def "each response carries the server's own request id, never the one the caller sent"() {
        when:
        def response = api.send('GET', '/api/v1/client-config', null, null, ['X-Request-Id': 'abc-123'])

        then:
        response.status == 200
        UUID.fromString(response.header('X-Request-Id'))
        response.header('X-Request-Id') != 'abc-123'
    }
}
