package io.taskforce.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/** Applies {@link TokenRules} to every token the API is shown, beside Micronaut's own validators. */
@Singleton
final class TokenRulesValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRulesValidator.class);
    private static final List<String> CHECKED = List.of("exp", "nbf", "typ", "azp");

    private final TokenRules rules;

    TokenRulesValidator(@Value("${taskforce.oidc.clients}") List<String> clients,
                        @Value("${taskforce.oidc.clock-skew:30s}") Duration clockSkew) {
        this.rules = new TokenRules(Set.copyOf(clients), clockSkew);
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        var values = new HashMap<String, Object>();
        CHECKED.forEach(name -> {
            Object value = claims.get(name);
            if (value != null) {
                values.put(name, value);
            }
        });
        var refusal = rules.refusal(values, Instant.now());
        refusal.ifPresent(reason -> LOG.info("Token refused: {}", reason));
        return refusal.isEmpty();
    }
}
