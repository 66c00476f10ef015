package io.taskforce.identity

import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.MACSigner
import com.nimbusds.jose.crypto.RSASSASigner
import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jose.jwk.RSAKey
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.SignedJWT
import com.sun.net.httpserver.HttpServer
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

/**
 * Each claim check on its own: the application trusts a key we hold (served as its JWKS), so a token that
 * differs from a good one in a single respect shows that respect is checked.
 */
@RealServices
class JwtChecksSpec extends Specification {

    static final String ISSUER = 'http://issuer.test/realms/taskforce'

    @Shared RSAKey trusted = new RSAKeyGenerator(2048).keyID('trusted').generate()
    @Shared RSAKey attacker = new RSAKeyGenerator(2048).keyID('attacker').generate()
    @Shared HttpServer keys
    @Shared @AutoCleanup ApplicationContext context
    @Shared Api api

    def setupSpec() {
        keys = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        serve(keys, '/trusted', new JWKSet(trusted.toPublicJWK()))
        serve(keys, '/attacker', new JWKSet(attacker.toPublicJWK()))
        keys.start()
        context = ApplicationContext.run(EmbeddedServer, [
                'micronaut.server.port'  : -1,
                'taskforce.oidc.issuer'  : ISSUER,
                'taskforce.oidc.jwks-url': "http://127.0.0.1:${keys.address.port}/trusted".toString(),
        ]).applicationContext
        api = new Api(context.getBean(EmbeddedServer).URI)
    }

    def cleanupSpec() {
        keys?.stop(0)
    }

    def "a well-formed token signed by the trusted key passes"() {
        expect:
        api.get('/api/v1/me', signed(claims().build())).status == 200
    }

    def "a token #difference is refused with 401"() {
        when:
        def response = api.get('/api/v1/me', token.call(this))

        then:
        response.status == 401
        response.problem

        where:
        difference                                   | token
        'from another issuer'                        | { s -> s.signed(s.claims().issuer('http://evil.test/realms/taskforce').build()) }
        'for another audience'                       | { s -> s.signed(s.claims().audience('account').build()) }
        'without audience'                           | { s -> s.signed(s.claims().audience((String) null).build()) }
        'that has expired'                           | { s -> s.signed(s.claims().expirationTime(s.at(-60)).build()) }
        'that is not valid yet (not-before)'         | { s -> s.signed(s.claims().notBeforeTime(s.at(600)).build()) }
        'without subject'                            | { s -> s.signed(s.claims().subject(null).build()) }
        'signed by a key that names its own JWKS (jku)' | { s -> s.signedWithJku(s.claims().build()) }
        'signed with HS256 using the public key as secret' | { s -> s.hmacWithPublicKey(s.claims().build()) }
        'without expiry (exp)'                       | { s -> s.signed(s.claims().expirationTime(null).build()) }
        'whose kid names no key (signed by another)' | { s -> s.signedBy(s.attacker, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID('no-such-key'), s.claims().build()) }
        'carrying its own key (jwk header)'          | { s -> s.signedBy(s.attacker, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(s.trusted.keyID).jwk(s.attacker.toPublicJWK()), s.claims().build()) }
        'pointing at a certificate elsewhere (x5u)'  | { s -> s.signedBy(s.attacker, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(s.trusted.keyID).x509CertURL(URI.create("http://127.0.0.1:${s.keys.address.port}/attacker")), s.claims().build()) }
        'with the trusted kid but signed by another key' | { s -> s.signedBy(s.attacker, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(s.trusted.keyID), s.claims().build()) }
        'that is an ID token (typ ID)'               | { s -> s.signed(s.claims().claim('typ', 'ID').build()) }
        'without a type (typ)'                       | { s -> s.signed(s.claims().claim('typ', null).build()) }
        'issued to a client that is not ours (azp)'  | { s -> s.signed(s.claims().claim('azp', 'someone-else').build()) }
    }

    def "a token that expired seconds ago still passes: Keycloak's clock and ours may differ by the configured skew"() {
        expect:
        api.get('/api/v1/me', signed(claims().expirationTime(at(-5)).build())).status == 200
    }

    JWTClaimsSet.Builder claims() {
        new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience('taskforce-api').subject(UUID.randomUUID().toString())
                .issueTime(at(-5)).notBeforeTime(at(-5)).expirationTime(at(300))
                .claim('preferred_username', 'consultant').claim('realm_access', [roles: ['consultant']])
                .claim('typ', 'Bearer').claim('azp', 'taskforce-spa')
    }

    Date at(long secondsFromNow) { Date.from(Instant.now().plusSeconds(secondsFromNow)) }

    String signed(JWTClaimsSet claims) {
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(trusted.keyID).build(), claims)
        jwt.sign(new RSASSASigner(trusted))
        jwt.serialize()
    }

    String signedBy(RSAKey key, JWSHeader.Builder header, JWTClaimsSet claims) {
        def jwt = new SignedJWT(header.build(), claims)
        jwt.sign(new RSASSASigner(key))
        jwt.serialize()
    }

    String signedWithJku(JWTClaimsSet claims) {
        def header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(trusted.keyID)
                .jwkURL(URI.create("http://127.0.0.1:${keys.address.port}/attacker")).jwk(attacker.toPublicJWK()).build()
        def jwt = new SignedJWT(header, claims)
        jwt.sign(new RSASSASigner(attacker))
        jwt.serialize()
    }

    String hmacWithPublicKey(JWTClaimsSet claims) {
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(trusted.keyID).build(), claims)
        jwt.sign(new MACSigner(trusted.toPublicJWK().toRSAPublicKey().encoded))
        jwt.serialize()
    }

    private static void serve(HttpServer server, String path, JWKSet set) {
        byte[] body = set.toString().getBytes('UTF-8')
        server.createContext(path) { exchange ->
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(200, body.length)
            exchange.responseBody.withStream { it.write(body) }
        }
    }
}
