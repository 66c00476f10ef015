package io.taskforce.identity

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.RSASSASigner
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.PlainJWT
import com.nimbusds.jwt.SignedJWT
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

/** Tokens that must not pass against the real Keycloak-configured application. */
@RealServices
class TokenRejectionSpec extends Specification {

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api

    def setup() { api = new Api(server.URI) }

    def "a request with #description gets 401 as problem+json"() {
        when:
        def response = api.get('/api/v1/me', token())

        then:
        response.status == 401
        response.problem
        response.json.status == 401
        response.json.title == 'Unauthorized'

        where:
        description                                  | token
        'no token'                                   | { -> null }
        'a malformed token'                          | { -> 'not.a.jwt' }
        'an unsigned (alg none) copy of a real one'  | { -> unsignedCopyOf(Tokens.of('consultant')) }
        'a token signed by a foreign key'            | { -> foreignSigned(claimsOf(Tokens.of('consultant'))) }
        'a real token for another audience'          | { -> Tokens.of('consultant', 'taskforce-other') }
        'a real token with its signature tampered'   | { -> tamper(Tokens.of('lawyer')) }
        'a real ID token naming the API as audience' | { -> Tokens.idToken('consultant') }
        'a real token issued to a client not ours'   | { -> Tokens.of('consultant', 'taskforce-stranger') }
    }

    def "the refused ID token and stranger's token name the API as audience: only their type and client refuse them"() {
        expect:
        claimsOf(Tokens.idToken('consultant')).audience.contains('taskforce-api')
        claimsOf(Tokens.idToken('consultant')).getClaim('typ') == 'ID'
        claimsOf(Tokens.of('consultant', 'taskforce-stranger')).audience.contains('taskforce-api')
        claimsOf(Tokens.of('consultant', 'taskforce-stranger')).getClaim('azp') == 'taskforce-stranger'
    }

    def "a real token of the same user passes, so the rejections above are about the token"() {
        expect:
        api.get('/api/v1/me', Tokens.of('consultant')).status == 200
    }

    static JWTClaimsSet claimsOf(String token) {
        SignedJWT.parse(token).JWTClaimsSet
    }

    static String unsignedCopyOf(String token) {
        new PlainJWT(claimsOf(token)).serialize()
    }

    static String foreignSigned(JWTClaimsSet claims) {
        def key = new RSAKeyGenerator(2048).keyID('attacker').generate()
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyID).type(JOSEObjectType.JWT).build(), claims)
        jwt.sign(new RSASSASigner(key))
        jwt.serialize()
    }

    static String tamper(String token) {
        def parts = token.split('\\.')
        def claims = new JWTClaimsSet.Builder(claimsOf(token)).claim('realm_access', [roles: ['platform_admin']]).build()
        "${parts[0]}.${claims.toPayload().toBase64URL()}.${parts[2]}"
    }
}
