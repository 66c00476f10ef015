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

    def "liveness and readiness answer UP, and readiness includes the database"() {
        expect:
        api.get('/health/liveness').status == 200

        when:
        def readiness = api.get('/health/readiness')

        then:
        readiness.status == 200
        readiness.json.status == 'UP'
        readiness.text.contains('jdbc')
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

    def "the request id is echoed in the response"() {
        when:
        def response = api.send('GET', '/api/v1/client-config', null, null, ['X-Request-Id': 'abc-123'])

        then:
        response.status == 200
        response.header('X-Request-Id') == 'abc-123'
    }
}
