package io.taskforce.identity

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.KeycloakTestAdmin
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

/**
 * People created in Keycloak directly, past the product's invitations: their first appearance is registered and
 * audited, and a client is let in only by a tenant that lists them as a member, whatever the token's attribute says.
 */
@RealServices
class FirstAppearanceSpec extends Specification {

    static final String HELIO_CLOUD = 'b094b75d-873d-4f54-9892-afd58263330a'
    static final String MAISON_VERDIER = 'fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api

    def setup() { api = new Api(server.URI) }

    def "a person seen for the first time is registered and the platform chain records it exactly once"() {
        given: 'a consultant created in Keycloak directly'
        String username = "direct-${suffix()}"
        String id = KeycloakTestAdmin.createUser(username, 'consultant', null, 'Main-courante-2026')
        String token = Tokens.fetch(username, 'Main-courante-2026')

        when: 'their first requests arrive together, then another'
        def first = (1..3).collect { Thread.start { api.get('/api/v1/me', token) } }*.join()
        def again = api.get('/api/v1/me', token)

        then:
        again.status == 200
        def events = platformEvents().findAll { it.entityId == id }
        events*.action == ['user.first-seen']
        events[0].actor.username == username
    }

    def "a client whose token names a tenant that does not list them is refused, and nothing is registered"() {
        given: 'a client created in Keycloak directly with the tenant attribute of Helio Cloud, never invited'
        String username = "intrus-${suffix()}"
        String id = KeycloakTestAdmin.createUser(username, 'client', HELIO_CLOUD, 'Rumeur-infondee-1')

        when:
        def refused = api.get('/api/v1/me', Tokens.fetch(username, 'Rumeur-infondee-1'))

        then:
        refused.status == 403
        refused.problem
        refused.json.detail.contains('not a member')
        !platformEvents().any { it.entityId == id }
    }

    def "a member client whose tenant attribute is pointed at another tenant is refused there"() {
        given: 'a client invited to a fresh tenant, who can sign in'
        String admin = Tokens.of('admin')
        def tenant = api.post('/api/v1/tenants', admin, [name: 'Rappel Lait', slug: "rappel-${suffix()}", locale: 'fr']).json
        String email = "membre-${suffix()}@rappel.test"
        def invited = api.post("/api/v1/tenants/${tenant.id}/users", admin, [email: email, firstName: 'Inès', lastName: 'Robin']).json
        KeycloakTestAdmin.setPermanentPassword(invited.id, 'Lot-rappele-2026')
        assert api.get('/api/v1/me', Tokens.fetch(email, 'Lot-rappele-2026')).status == 200

        when: 'someone with Keycloak access rewrites their tenant to Maison Verdier'
        KeycloakTestAdmin.setTenantAttribute(invited.id, MAISON_VERDIER)
        def refused = api.get('/api/v1/cases', Tokens.fetch(email, 'Lot-rappele-2026'))

        then:
        refused.status == 403
        refused.json.detail.contains('not a member')
    }

    private List<Map> platformEvents() {
        api.get('/api/v1/platform/audit?limit=50', Tokens.of('admin')).json.items as List<Map>
    }

    private static String suffix() { UUID.randomUUID().toString().substring(0, 8) }
}
