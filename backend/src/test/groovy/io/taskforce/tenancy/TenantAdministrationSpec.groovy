package io.taskforce.tenancy

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.KeycloakTestAdmin
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** Platform admins manage tenants and people; every step is checked in the real Keycloak and database. */
@RealServices
class TenantAdministrationSpec extends Specification {

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api
    @Shared String admin
    PollingConditions eventually = new PollingConditions(timeout: 15, delay: 0.1)

    def setup() {
        api = new Api(server.URI)
        admin = Tokens.of('admin')
    }

    def "creating a tenant saves it, creates its Keycloak group and audits it in the platform chain"() {
        given:
        String slug = "lubrizol-${suffix()}"

        when:
        def created = api.post('/api/v1/tenants', admin, [name: 'Lubrizol Rouen', slug: slug, locale: 'fr'])

        then:
        created.status == 201
        created.json.id ==~ /[0-9a-f-]{36}/
        created.json.slug == slug
        created.json.active == true

        and: 'it is listed and readable'
        api.get("/api/v1/tenants/${created.json.id}", admin).json.name == 'Lubrizol Rouen'

        and: 'Keycloak has its group, carrying the tenant id'
        def group = KeycloakTestAdmin.groups("tenant-${slug}").find { it.name == "tenant-${slug}" }
        group.attributes.tenant_id == [created.json.id]

        and: 'the platform trail records who did it'
        def event = api.get('/api/v1/platform/audit?limit=5', admin).json.items.find {
            it.action == 'tenant.created' && it.entityId == created.json.id
        }
        event.actor.username == 'admin'
        event.changes.slug == [before: null, after: slug]
        event.hash ==~ /[0-9a-f]{64}/
    }

    def "a taken slug answers 409 and creates nothing"() {
        given:
        String slug = "findus-${suffix()}"
        api.post('/api/v1/tenants', admin, [name: 'Findus', slug: slug, locale: 'fr'])
        int before = tenantCount()

        when:
        def again = api.post('/api/v1/tenants', admin, [name: 'Findus bis', slug: slug, locale: 'fr'])

        then:
        again.status == 409
        again.problem
        again.json.detail.contains(slug)
        tenantCount() == before
    }

    def "bad input answers 400 with the field at fault and creates nothing"() {
        given:
        int before = tenantCount()

        when:
        def response = api.post('/api/v1/tenants', admin, body)

        then:
        response.status == 400
        response.problem
        response.json.errors*.field.any { it?.contains(field) } || response.json.detail.contains(field)
        tenantCount() == before

        where:
        body                                                    | field
        [name: 'SNCF', slug: 'Not A Slug!', locale: 'fr']       | 'slug'
        [name: '', slug: 'sncf-montparnasse', locale: 'fr']     | 'name'
        [name: 'SNCF', slug: 'sncf-montparnasse', locale: 'de'] | 'locale'
        '{"name": "SNCF", "slug": '                             | 'body'
    }

    def "a tenant can be renamed and deactivated, each change audited with before and after"() {
        given:
        def tenant = api.post('/api/v1/tenants', admin, [name: 'Montparnasse', slug: "montparnasse-${suffix()}", locale: 'fr']).json

        when:
        def renamed = api.patch("/api/v1/tenants/${tenant.id}", admin, [name: 'SNCF Montparnasse'])
        def deactivated = api.patch("/api/v1/tenants/${tenant.id}", admin, [active: false])

        then:
        renamed.json.name == 'SNCF Montparnasse'
        deactivated.json.active == false
        def actions = api.get('/api/v1/platform/audit?limit=10', admin).json.items.findAll { it.entityId == tenant.id }
        actions*.action.containsAll(['tenant.renamed', 'tenant.deactivated'])
        actions.find { it.action == 'tenant.renamed' }.changes.name == [before: 'Montparnasse', after: 'SNCF Montparnasse']

        when: 'inviting into a deactivated tenant'
        def invite = api.post("/api/v1/tenants/${tenant.id}/users", admin, [email: "x-${suffix()}@example.test", firstName: 'X', lastName: 'Y'])

        then:
        invite.status == 409
    }

    def "one request changing two fields writes exactly one audit event, and a no-op writes none"() {
        given:
        def tenant = api.post('/api/v1/tenants', admin, [name: 'Recall', slug: "recall-${suffix()}", locale: 'fr']).json
        def eventsOf = { -> api.get('/api/v1/platform/audit?limit=20', admin).json.items.findAll { it.entityId == tenant.id } }

        when:
        api.patch("/api/v1/tenants/${tenant.id}", admin, [name: 'Product Recall', active: false])
        api.patch("/api/v1/tenants/${tenant.id}", admin, [name: 'Product Recall', active: false])

        then:
        def events = eventsOf()
        events*.action == ['tenant.updated', 'tenant.created']
        events.first().changes == [name: [before: 'Recall', after: 'Product Recall'], active: [before: true, after: false]]
    }

    def "an invited client exists in Keycloak with the client role and the tenant, and no password until they choose one"() {
        given:
        def tenant = api.post('/api/v1/tenants', admin, [name: 'Datacenter Nord', slug: "dc-nord-${suffix()}", locale: 'fr']).json
        String email = "marie.durand-${suffix()}@dc-nord.test"

        when:
        def invited = api.post("/api/v1/tenants/${tenant.id}/users", admin, [email: email, firstName: 'Marie', lastName: 'Durand'])

        then:
        invited.status == 201
        !invited.text.toLowerCase().contains('password')
        def user = invited.json
        user.role == 'client'
        user.tenantId == tenant.id
        user.invitation.status == 'PENDING'

        and: 'Keycloak has the person, bound to the tenant, with no credential'
        def kc = KeycloakTestAdmin.user(user.id)
        kc.enabled
        kc.email == email
        kc.attributes.tenant == [tenant.id]
        KeycloakTestAdmin.realmRolesOf(user.id)*.name.contains('client')
        KeycloakTestAdmin.credentialsOf(user.id) == []
        eventually.eventually { assert KeycloakTestAdmin.groupsOf(user.id)*.name == ["tenant-${tenant.slug}".toString()] }

        and: 'the tenant lists its user, and the invitation is in the platform chain'
        api.get("/api/v1/tenants/${tenant.id}/users", admin).json.items*.email == [email]
        api.get('/api/v1/platform/audit?limit=5', admin).json.items.any { it.action == 'user.invited' && it.entityId == user.id }

        when: 'the person sets their own password through the invitation (done here through Keycloak admin)'
        KeycloakTestAdmin.setPermanentPassword(user.id, 'Incendie-SBG2-2021')
        def token = Tokens.fetch(email, 'Incendie-SBG2-2021')

        then: 'they log in and the product knows their tenant'
        def me = api.get('/api/v1/me', token).json
        me.tenant == [id: tenant.id, name: 'Datacenter Nord']
        me.roles.contains('client')
    }

    def "a deactivated person is refused at once, even with a token issued before, and can be reactivated"() {
        given: 'an invited lawyer who has set their password and holds a valid token'
        String email = "avocat-${suffix()}@cabinet.test"
        def invited = [user: api.post('/api/v1/staff', admin, [email: email, firstName: 'Jeanne', lastName: 'Roy', role: 'lawyer']).json]
        KeycloakTestAdmin.setPermanentPassword(invited.user.id, 'Droit-de-reponse-1881')
        String token = Tokens.fetch(email, 'Droit-de-reponse-1881')
        assert api.get('/api/v1/me', token).status == 200

        when:
        def deactivated = api.patch("/api/v1/users/${invited.user.id}", admin, [active: false])

        then:
        deactivated.status == 200
        deactivated.json.active == false

        and: 'the still-valid token is refused at once'
        def refused = api.get('/api/v1/me', token)
        refused.status == 401
        refused.problem
        refused.json.detail.contains('deactivated')

        and: 'Keycloak follows after commit'
        eventually.eventually { assert !KeycloakTestAdmin.user(invited.user.id).enabled }

        when:
        api.patch("/api/v1/users/${invited.user.id}", admin, [active: true])

        then:
        api.get('/api/v1/me', token).status == 200
        eventually.eventually { assert KeycloakTestAdmin.user(invited.user.id).enabled }
        api.get('/api/v1/platform/audit?limit=5', admin).json.items.findAll { it.entityId == invited.user.id }*.action
                .containsAll(['user.deactivated', 'user.reactivated'])
    }

    def "the clients of a deactivated tenant are refused at once, until it is reactivated"() {
        given: 'a client of a fresh tenant, holding a valid token'
        def tenant = api.post('/api/v1/tenants', admin, [name: 'Suspendue', slug: "suspendue-${suffix()}", locale: 'fr']).json
        String email = "client-${suffix()}@suspendue.test"
        def invited = api.post("/api/v1/tenants/${tenant.id}/users", admin, [email: email, firstName: 'Paul', lastName: 'Marchand']).json
        KeycloakTestAdmin.setPermanentPassword(invited.id, 'Rappel-produit-2026')
        String token = Tokens.fetch(email, 'Rappel-produit-2026')
        assert api.get('/api/v1/me', token).status == 200

        when:
        api.patch("/api/v1/tenants/${tenant.id}", admin, [active: false])
        def refused = api.get('/api/v1/me', token)

        then:
        refused.status == 403
        refused.problem
        refused.json.detail.contains('suspended')

        when:
        api.patch("/api/v1/tenants/${tenant.id}", admin, [active: true])

        then:
        api.get('/api/v1/me', token).status == 200
    }

    def "an admin cannot deactivate their own account"() {
        given:
        String self = api.get('/api/v1/me', admin).json.subject

        expect:
        api.patch("/api/v1/users/${self}", admin, [active: false]).status == 409
    }

    def "staff invitations take one of the three staff roles only, and staff are listed with keyset pagination"() {
        when:
        def wrongRole = api.post('/api/v1/staff', admin, [email: "x-${suffix()}@firm.test", firstName: 'A', lastName: 'B', role: 'platform_admin'])

        then:
        wrongRole.status == 400
        wrongRole.json.errors*.field.any { it?.contains('role') }

        when:
        3.times { i -> api.post('/api/v1/staff', admin, [email: "veille-${i}-${suffix()}@agence.test", firstName: 'V', lastName: "${i}", role: 'reputation_specialist']) }
        def first = api.get('/api/v1/staff?limit=2', admin).json
        def second = api.get("/api/v1/staff?limit=2&after=${first.next}", admin).json

        then:
        first.items.size() == 2
        first.next != null
        second.items.size() >= 1
        (first.items*.id + second.items*.id).toSet().size() == first.items.size() + second.items.size()
        first.items*.username == first.items*.username.toSorted()

        and: 'a cursor that no page gave is refused clearly'
        api.get('/api/v1/staff?after=consultant', admin).status == 400
    }

    def "an unknown tenant or user answers 404"() {
        expect:
        api.get("/api/v1/tenants/${UUID.randomUUID()}", admin).status == 404
        api.get("/api/v1/tenants/${UUID.randomUUID()}/users", admin).status == 404
        api.patch("/api/v1/users/${UUID.randomUUID()}", admin, [active: false]).status == 404
    }

    private static String suffix() { UUID.randomUUID().toString().take(8) }

    private int tenantCount() {
        TestServices.superuser().withCloseable { it.firstRow('select count(*) as n from tenant').n as int }
    }
}
