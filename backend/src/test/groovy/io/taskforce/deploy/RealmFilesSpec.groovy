package io.taskforce.deploy

import groovy.json.JsonSlurper
import io.taskforce.support.TestServices
import spock.lang.Shared
import spock.lang.Specification

/** The Keycloak realm files: what production gets, and what only local runs may have. */
class RealmFilesSpec extends Specification {

    @Shared Map production = realm('taskforce-realm.json')
    @Shared Map dev = realm('taskforce-realm.dev.json')

    def "the production realm has no demo users, no password-grant client and strong hashing"() {
        expect:
        production.users.every { it.serviceAccountClientId }
        !production.clients*.clientId.contains('taskforce-cli')
        production.clients.every { !it.directAccessGrantsEnabled }
        (production.passwordPolicy =~ /hashIterations\((\d+)\)/)[0][1].toInteger() >= 27_500
        !production.clients.any { it.secret }
    }

    def "the production realm requires HTTPS everywhere, locks out password guessing and asks for a strong password"() {
        expect:
        production.sslRequired == 'all'
        production.bruteForceProtected
        production.failureFactor in 3..10
        production.waitIncrementSeconds >= 60
        def policy = production.passwordPolicy
        (policy =~ /length\((\d+)\)/)[0][1].toInteger() >= 12
        ['notUsername', 'notEmail', 'passwordHistory'].every { policy.contains(it) }
    }

    def "in the production realm staff and platform admins sign in with a second factor (ProductionRealmSignInSpec signs in)"() {
        given:
        def flows = production.authenticationFlows.collectEntries { [(it.alias): it] }
        def staffFactor = flows['second factor for staff'].authenticationExecutions
        def condition = production.authenticatorConfig.find { it.alias == staffFactor.find { it.authenticator == 'conditional-user-role' }.authenticatorConfig }

        expect: 'the browser flow goes through the second factor for whoever holds the role the condition checks'
        production.browserFlow == 'browser with second factor'
        flows[production.browserFlow].authenticationExecutions.find { it.authenticatorFlow }.flowAlias == 'second factor forms'
        flows['second factor forms'].authenticationExecutions.find { it.flowAlias == 'second factor for staff' }.requirement == 'CONDITIONAL'
        staffFactor.find { it.authenticator == 'auth-otp-form' }.requirement == 'REQUIRED'
        condition.config == [condUserRole: 'second_factor_required', negate: 'false']

        and: 'every staff role and the platform admin role hold it, clients do not'
        def roles = production.roles.realm.collectEntries { [(it.name): it] }
        ['consultant', 'lawyer', 'reputation_specialist', 'platform_admin'].every {
            roles[it].composites?.realm == ['second_factor_required']
        }
        !roles.client.composites
    }

    def "the web app logs in with authorization code and PKCE S256 only, in both realms"() {
        expect:
        [production, dev].every { r ->
            def spa = r.clients.find { it.clientId == 'taskforce-spa' }
            spa.publicClient && spa.standardFlowEnabled && !spa.implicitFlowEnabled && !spa.directAccessGrantsEnabled &&
                    spa.attributes['pkce.code.challenge.method'] == 'S256'
        }
    }

    def "tokens name the API as audience and carry the tenant from an attribute only admins can edit"() {
        given:
        def spa = production.clients.find { it.clientId == 'taskforce-spa' }
        def profile = new JsonSlurper().parseText(production.components['org.keycloak.userprofile.UserProfileProvider'][0]
                .config['kc.user.profile.config'][0])

        expect:
        spa.protocolMappers.find { it.protocolMapper == 'oidc-audience-mapper' }.config['included.client.audience'] == 'taskforce-api'
        spa.protocolMappers.find { it.protocolMapper == 'oidc-usermodel-attribute-mapper' }.config['claim.name'] == 'tenant_id'
        profile.attributes.find { it.name == 'tenant' }.permissions == [view: ['admin'], edit: ['admin']]
    }

    def "the dev realm has the eight demo logins with their roles, clients bound to the two demo tenants"() {
        expect:
        dev.users.findAll { !it.serviceAccountClientId }.collectEntries { [it.username, it.realmRoles] } == [
                consultant: ['consultant'], consultant2: ['consultant'], lawyer: ['lawyer'], lawyer2: ['lawyer'],
                reputation: ['reputation_specialist'],
                'client-a': ['client'], 'client-b': ['client'], admin: ['platform_admin']]
        dev.users.find { it.username == 'client-a' }.attributes.tenant != dev.users.find { it.username == 'client-b' }.attributes.tenant
    }

    private static Map realm(String name) {
        new JsonSlurper().parse(TestServices.repoRoot().resolve("deploy/keycloak/${name}").toFile()) as Map
    }
}
