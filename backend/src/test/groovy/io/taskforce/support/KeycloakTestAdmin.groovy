package io.taskforce.support

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * The test's own view of Keycloak, through the master realm's bootstrap admin: independent of the product's
 * service account, so specs can check what the product did there (and set up what a person would do).
 */
final class KeycloakTestAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient()
    private static final String ADMIN = "${TestServices.KEYCLOAK_URL}/admin/realms/taskforce"

    static Map user(String id) { get("/users/${id}") as Map }

    static List<Map> realmRolesOf(String id) { get("/users/${id}/role-mappings/realm") as List<Map> }

    static List<Map> groupsOf(String id) { get("/users/${id}/groups") as List<Map> }

    static List<Map> usersByEmail(String email) { get("/users?exact=true&email=${URLEncoder.encode(email, 'UTF-8')}") as List<Map> }

    static List<Map> credentialsOf(String id) { get("/users/${id}/credentials") as List<Map> }

    static List<Map> groups(String search) { get("/groups?search=${URLEncoder.encode(search, 'UTF-8')}&briefRepresentation=false") as List<Map> }

    /** What the person does at first login: replace the one-time password by their own. */
    static void setPermanentPassword(String id, String password) {
        send('PUT', "/users/${id}/reset-password", [type: 'password', value: password, temporary: false])
    }

    /**
     * A person created in Keycloak directly, bypassing the product's invitations (as a realm administrator could):
     * the given realm role, an optional tenant attribute, a permanent password; in the product's realm unless another
     * is named. Returns their id.
     */
    static String createUser(String username, String role, String tenantId, String password, String realm = 'taskforce') {
        Map user = [username     : username, enabled: true, email: "${username}@direct.test".toString(), emailVerified: true,
                    firstName    : 'Direct', lastName: 'Entry',
                    credentials  : [[type: 'password', value: password, temporary: false]],
                    attributes   : tenantId ? [tenant: [tenantId]] : [:]]
        onRealms('POST', "/${realm}/users", user)
        String id = (onRealms('GET', "/${realm}/users?exact=true&username=${URLEncoder.encode(username, 'UTF-8')}") as List<Map>)[0].id
        onRealms('POST', "/${realm}/users/${id}/role-mappings/realm", [onRealms('GET', "/${realm}/roles/${role}")])
        id
    }

    /** What a realm administrator could do: point a user's tenant attribute at another tenant. */
    static void setTenantAttribute(String id, String tenantId) {
        Map user = get("/users/${id}") as Map
        user.attributes = (user.attributes ?: [:]) + [tenant: [tenantId]]
        send('PUT', "/users/${id}", user)
    }

    /** Admin API calls on any realm (path under /admin/realms); answers the body, parsed when it is JSON. */
    static Object onRealms(String method, String path, Object body = null) {
        def text = send(method, path, body, "${TestServices.KEYCLOAK_URL}/admin/realms")
        text ? new JsonSlurper().parseText(text) : null
    }

    private static Object get(String path) {
        def body = send('GET', path, null)
        new JsonSlurper().parseText(body)
    }

    private static String send(String method, String path, Object body, String base = ADMIN) {
        def request = HttpRequest.newBuilder(URI.create(base + path))
                .header('Authorization', "Bearer ${token()}")
                .header('Content-Type', 'application/json')
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(body)))
                .build()
        def response = HTTP.send(request, HttpResponse.BodyHandlers.ofString())
        if (response.statusCode().intdiv(100) != 2) {
            throw new IllegalStateException("Keycloak admin ${method} ${path}: ${response.statusCode()} ${response.body()}")
        }
        response.body()
    }

    private static String token() {
        def request = HttpRequest.newBuilder(URI.create("${TestServices.KEYCLOAK_URL}/realms/master/protocol/openid-connect/token"))
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .POST(HttpRequest.BodyPublishers.ofString('grant_type=password&client_id=admin-cli&username=admin&password=admin'))
                .build()
        def response = HTTP.send(request, HttpResponse.BodyHandlers.ofString())
        (new JsonSlurper().parseText(response.body()) as Map).access_token
    }
}
