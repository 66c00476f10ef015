package io.taskforce.support

import groovy.json.JsonSlurper

/**
 * Real access tokens from the test Keycloak, by password grant (dev/test realm only), kept while they have more
 * than a minute left: a slow run outlives the realm's five-minute tokens.
 */
final class Tokens {

    private static final Map<String, String> CACHE = [:]

    static String of(String username, String clientId = 'taskforce-cli') {
        String key = "${clientId}/${username}"
        synchronized (CACHE) {
            if (!CACHE[key] || expiresWithinAMinute(CACHE[key])) {
                CACHE[key] = fetch(username, 'demo', clientId)
            }
            CACHE[key]
        }
    }

    private static boolean expiresWithinAMinute(String token) {
        def claims = new JsonSlurper().parse(Base64.urlDecoder.decode(token.split('\\.')[1])) as Map
        (claims.exp as long) * 1000 - System.currentTimeMillis() < 60_000
    }

    static String fetch(String username, String password, String clientId = 'taskforce-cli') {
        grant(username, password, clientId, null).access_token as String
    }

    /** An ID token (scope openid): what the API must refuse even when it names the API as audience. */
    static String idToken(String username) {
        grant(username, 'demo', 'taskforce-cli', 'openid').id_token as String
    }

    private static Map grant(String username, String password, String clientId, String scope) {
        def connection = new URL("${TestServices.ISSUER}/protocol/openid-connect/token").openConnection() as HttpURLConnection
        connection.requestMethod = 'POST'
        connection.doOutput = true
        connection.setRequestProperty('Content-Type', 'application/x-www-form-urlencoded')
        connection.outputStream.withWriter { w ->
            w << "grant_type=password&client_id=${enc(clientId)}&username=${enc(username)}&password=${enc(password)}"
            if (scope) {
                w << "&scope=${enc(scope)}"
            }
        }
        if (connection.responseCode != 200) {
            throw new IllegalStateException("token for ${username} refused: ${connection.responseCode} ${connection.errorStream?.text}")
        }
        new JsonSlurper().parse(connection.inputStream) as Map
    }

    private static String enc(String s) { URLEncoder.encode(s, 'UTF-8') }
}
