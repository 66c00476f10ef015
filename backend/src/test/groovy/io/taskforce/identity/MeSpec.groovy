package io.taskforce.identity

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

@RealServices
class MeSpec extends Specification {

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api

    def setup() { api = new Api(server.URI) }

    def "#username gets their own identity from a real Keycloak token"() {
        when:
        def response = api.get('/api/v1/me', Tokens.of(username))

        then:
        response.status == 200
        with(response.json) {
            it.username == username
            it.subject ==~ /[0-9a-f-]{36}/
            it.name == name
            it.roles.contains(role)
            it.firm == firm
            it.tenant?.name == tenantName
        }

        where:
        username     | name              | role                    | firm            | tenantName
        'consultant' | 'Claire Morel'    | 'consultant'            | 'COMMUNICATION' | null
        'lawyer'     | 'Louise Garnier'  | 'lawyer'                | 'LEGAL'         | null
        'reputation' | 'Rémi Lefèvre'    | 'reputation_specialist' | 'REPUTATION'    | null
        'client-a'   | 'Antoine Roux'    | 'client'                | null            | 'Helio Cloud'
        'client-b'   | 'Béatrice Vidal'  | 'client'                | null            | 'Maison Verdier'
        'admin'      | 'Paul Admin'      | 'platform_admin'        | null            | null
    }

    def "a client's tenant comes from the token, whatever the request says"() {
        when:
        def response = api.get('/api/v1/me?tenant=fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a', Tokens.of('client-a'),
                ['X-Tenant-Id': 'fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a'])

        then:
        response.status == 200
        response.json.tenant.id == 'b094b75d-873d-4f54-9892-afd58263330a'
    }
}
