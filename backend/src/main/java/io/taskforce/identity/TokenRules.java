package io.taskforce.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an access token must also say, beyond a good signature, issuer and audience (which Micronaut checks): an
 * expiry (a token without one would never expire), that it is an access token ({@code typ} Bearer, not an ID or
 * refresh token), and that it was issued to one of our own clients ({@code azp}). Expiry and not-before allow a
 * small clock skew between Keycloak and us.
 */
public record TokenRules(Set<String> clients, Duration clockSkew) {

    /** Why the token must be refused, or empty when these rules accept it. */
    public Optional<String> refusal(Map<String, Object> claims, Instant now) {
        Optional<Instant> expiry = instant(claims.get("exp"));
        if (expiry.isEmpty()) {
            return Optional.of("no expiry (exp)");
        }
        if (!now.isBefore(expiry.get().plus(clockSkew))) {
            return Optional.of("expired");
        }
        Optional<Instant> notBefore = instant(claims.get("nbf"));
        if (notBefore.isPresent() && now.isBefore(notBefore.get().minus(clockSkew))) {
            return Optional.of("not yet valid (nbf)");
        }
        if (!"Bearer".equals(claims.get("typ"))) {
            return Optional.of("not an access token (typ " + claims.get("typ") + ")");
        }
        Object azp = claims.get("azp");
        if (!(azp instanceof String client) || !clients.contains(client)) {
            return Optional.of("issued to a client that is not ours (azp " + azp + ")");
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(Object claim) {
        if (claim instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (claim instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (claim instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }
}
