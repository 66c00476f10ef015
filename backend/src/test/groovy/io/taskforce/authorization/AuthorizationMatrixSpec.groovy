package io.taskforce.authorization

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.web.router.Router
import io.taskforce.support.Api
import io.taskforce.support.Tokens
import jakarta.inject.Inject
import spock.lang.Shared
import spock.lang.Specification

/**
 * Runs every row of src/test/resources/authorization-matrix.csv against the running application with real
 * Keycloak tokens, and checks that the matrix covers exactly the API routes the application exposes.
 */
@MicronautTest(transactional = false)
class AuthorizationMatrixSpec extends Specification {

    static final String TENANT_A = 'b094b75d-873d-4f54-9892-afd58263330a' // client-a's tenant
    static final String TENANT_B = 'fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a'
    static final Map<String, String> USERS = [consultant: 'consultant', lawyer: 'lawyer', reputation_specialist: 'reputation',
                                              client    : 'client-a', platform_admin: 'admin']

    @Inject EmbeddedServer server
    @Inject Router router
    @Shared Api api
    @Shared String someUser

    def setup() {
        api = new Api(server.URI)
        if (!someUser) {
            // a person the PATCH /users row can act on without disturbing the demo users
            someUser = api.post('/api/v1/staff', Tokens.of('admin'),
                    [email: "matrix-${UUID.randomUUID().toString().take(8)}@firm.test", firstName: 'M', lastName: 'X', role: 'consultant']).json.user.id
        }
    }

    def "#matrixCase"() {
        when:
        String path = matrixCase.path
                .replace('{tenant}', matrixCase.relation == 'other' ? TENANT_B : TENANT_A)
                .replace('{user}', someUser)
        String token = matrixCase.role == 'anonymous' ? null : Tokens.of(USERS[matrixCase.role])
        def response = api.send(matrixCase.method, path, token, body(matrixCase))

        then:
        response.status == matrixCase.expected
        response.status < 400 || response.problem

        where:
        matrixCase << AuthorizationMatrix.cases()
    }

    def "every API route the application exposes has rows in the matrix, and every row names a real route"() {
        given:
        def exposed = router.uriRoutes()
                .filter { it.uriMatchTemplate.toPathString().startsWith('/api/') }
                // Micronaut answers HEAD with its GET route (same rules): a GET row covers both
                .collect { AuthorizationMatrix.shape(it.httpMethodName == 'HEAD' ? 'GET' : it.httpMethodName, it.uriMatchTemplate.toPathString()) }
                .toSet()
        def listed = AuthorizationMatrix.rows().collect { AuthorizationMatrix.shape(it.method, it.path) }.toSet()

        expect:
        exposed - listed == [] as Set
        listed - exposed == [] as Set
    }

    def "the matrix has a row for every role on every route, with both relations for tenant routes"() {
        expect:
        AuthorizationMatrix.rows().groupBy { it.path + it.method }.every { key, rows ->
            rows*.relation.toSet() == (rows.first().path.contains('{tenant}') ? ['own', 'other'] as Set : ['-'] as Set)
        }
    }

    /** A valid body for each write, so that the status reflects authorization, not validation. */
    private static Object body(AuthorizationMatrix.Case c) {
        String unique = UUID.randomUUID().toString().take(8)
        switch (AuthorizationMatrix.shape(c.method, c.path)) {
            case 'POST /api/v1/tenants': return [name: "Matrix ${unique}", slug: "matrix-${unique}", locale: 'fr']
            case 'PATCH /api/v1/tenants/{}': return [active: true]
            case 'POST /api/v1/tenants/{}/users': return [email: "client-${unique}@matrix.test", firstName: 'C', lastName: 'M']
            case 'POST /api/v1/staff': return [email: "staff-${unique}@matrix.test", firstName: 'S', lastName: 'M', role: 'lawyer']
            case 'PATCH /api/v1/users/{}': return [active: true]
            default: return null
        }
    }
}
