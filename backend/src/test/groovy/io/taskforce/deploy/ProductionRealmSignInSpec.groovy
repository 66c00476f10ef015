package io.taskforce.deploy

import groovy.json.JsonSlurper
import io.taskforce.support.KeycloakTestAdmin
import io.taskforce.support.RealServices
import io.taskforce.support.TestServices
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * The production realm file, imported into the real Keycloak under another name, signs people in as it promises:
 * staff and platform admins cannot finish a sign-in with their password alone (Keycloak asks them to set up and then
 * enter a one-time code), clients without a second factor are let through. Only what a plain-HTTP test server needs
 * differs from the file: HTTPS is not required, and the web app may redirect to a local address.
 */
@RealServices
class ProductionRealmSignInSpec extends Specification {

    static final String REALM = 'taskforce-prod-check'
    static final String REDIRECT = 'http://127.0.0.1:9/callback'
    static final String PASSWORD = 'Cellule-de-crise-2026'

    @Shared Map realm = new JsonSlurper().parse(TestServices.repoRoot().resolve('deploy/keycloak/taskforce-realm.json').toFile()) as Map

    def setupSpec() {
        TestServices.start()
        Map copy = new JsonSlurper().parseText(groovy.json.JsonOutput.toJson(realm)) as Map
        copy.realm = REALM
        copy.sslRequired = 'none'
        copy.remove('smtpServer')
        copy.remove('users') // service accounts only; their clients stay
        copy.passwordPolicy = copy.passwordPolicy.replaceAll(/hashIterations\(\d+\)/, 'hashIterations(1)')
        (copy.clients.find { it.clientId == 'taskforce-spa' } as Map).redirectUris = ["${REDIRECT}*".toString()]
        if ((KeycloakTestAdmin.onRealms('GET', '') as List<Map>).any { it.realm == REALM }) {
            KeycloakTestAdmin.onRealms('DELETE', "/${REALM}")
        }
        KeycloakTestAdmin.onRealms('POST', '', copy)
    }

    def cleanupSpec() {
        KeycloakTestAdmin.onRealms('DELETE', "/${REALM}")
    }

    def "a #role cannot sign in with a password alone: Keycloak asks for a one-time code"() {
        given:
        String username = "${role}-${UUID.randomUUID().toString().substring(0, 8)}"
        createUser(username, role, null)

        when:
        def afterPassword = new SignIn().withPassword(username, PASSWORD)

        then: 'no code for the web app: the one-time code set-up form instead'
        afterPassword.statusCode() == 200
        afterPassword.body().contains('name="totp"')
        !afterPassword.headers().firstValue('Location').isPresent()

        where:
        role << ['consultant', 'lawyer', 'reputation_specialist', 'platform_admin']
    }

    def "a client without a second factor signs in with their password"() {
        given:
        String username = "client-${UUID.randomUUID().toString().substring(0, 8)}"
        createUser(username, 'client', 'b094b75d-873d-4f54-9892-afd58263330a')

        when:
        def afterPassword = new SignIn().withPassword(username, PASSWORD)

        then: 'straight back to the web app with an authorization code'
        afterPassword.statusCode() == 302
        afterPassword.headers().firstValue('Location').get().startsWith(REDIRECT)
        afterPassword.headers().firstValue('Location').get().contains('code=')
    }

    def "a wrong password repeated locks the account for a while (brute-force detection)"() {
        given:
        String username = "lawyer-${UUID.randomUUID().toString().substring(0, 8)}"
        String id = createUser(username, 'lawyer', null)

        when:
        (1..realm.failureFactor).each { new SignIn().withPassword(username, 'Mauvais-mot-de-passe-1') }

        then:
        (KeycloakTestAdmin.onRealms('GET', "/${REALM}/attack-detection/brute-force/users/${id}") as Map).disabled == true
    }

    private static String createUser(String username, String role, String tenantId) {
        KeycloakTestAdmin.createUser(username, role, tenantId, PASSWORD, REALM)
    }

    /**
     * The browser's part of an authorization-code sign-in, up to what follows the password. Keycloak marks its cookies
     * Secure, which Java's cookie manager keeps off plain HTTP (a browser allows it on localhost), so they are passed on
     * by hand.
     */
    static final class SignIn {
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()

        HttpResponse<String> withPassword(String username, String password) {
            String verifier = UUID.randomUUID().toString() + UUID.randomUUID()
            String challenge = Base64.urlEncoder.withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance('SHA-256').digest(verifier.getBytes('US-ASCII')))
            def login = http.send(HttpRequest.newBuilder(URI.create("${TestServices.KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/auth" +
                    "?client_id=taskforce-spa&response_type=code&scope=openid&redirect_uri=${URLEncoder.encode(REDIRECT, 'UTF-8')}" +
                    "&code_challenge=${challenge}&code_challenge_method=S256")).build(), HttpResponse.BodyHandlers.ofString())
            assert login.statusCode() == 200: login.body()
            def action = (login.body() =~ /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/)
            assert action.find(): 'no login form in: ' + login.body().take(2000)
            String url = action.group(1).replace('&amp;', '&')
            Map<String, String> cookies = [:]
            keep(cookies, login)
            def response = http.send(HttpRequest.newBuilder(URI.create(url)).header('Content-Type', 'application/x-www-form-urlencoded')
                    .header('Cookie', header(cookies))
                    .POST(HttpRequest.BodyPublishers.ofString("username=${URLEncoder.encode(username, 'UTF-8')}&password=${URLEncoder.encode(password, 'UTF-8')}&credentialId="))
                    .build(), HttpResponse.BodyHandlers.ofString())
            // Keycloak's own next steps (a required action) are followed; a redirect to the web app ends the sign-in
            while (response.statusCode() == 302 && location(response).startsWith(TestServices.KEYCLOAK_URL)) {
                keep(cookies, response)
                response = http.send(HttpRequest.newBuilder(URI.create(location(response))).header('Cookie', header(cookies)).build(),
                        HttpResponse.BodyHandlers.ofString())
            }
            response
        }

        private static String location(HttpResponse<?> response) {
            response.headers().firstValue('Location').orElse('')
        }

        private static void keep(Map<String, String> cookies, HttpResponse<?> response) {
            response.headers().allValues('Set-Cookie').each {
                def pair = it.split(';')[0].split('=', 2)
                cookies[pair[0]] = pair.length > 1 ? pair[1] : ''
            }
        }

        private static String header(Map<String, String> cookies) {
            cookies.collect { k, v -> "${k}=${v}" }.join('; ')
        }
    }
}
