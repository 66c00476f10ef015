package io.taskforce.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskforce.identity.Firm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook as platform admins see it; never its secret. {@code owner} says whose tools receive it: a tenant's
 * (the events of its cases) or a firm's (the events of cases where the firm's workstream is routed).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record WebhookView(UUID id, Owner owner, @Nullable UUID tenantId, @Nullable String tenantName, @Nullable Firm firm,
                   String url, List<String> events, boolean active, @Nullable Instant disabledAt,
                   @Nullable String disabledReason, int consecutiveFailures, Instant createdAt,
                   @Nullable LastAttempt lastDelivery) {

    enum Owner { TENANT, FIRM }

    /** The last attempt to deliver to it: when, and the receiver's HTTP status or the error. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LastAttempt(Instant at, @Nullable Integer statusCode, @Nullable String error) {
    }

    /** The creation response: the only time the secret is shown. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Created(WebhookView webhook, String secret) {
    }

    WebhookView withTenantName(@Nullable String name) {
        return new WebhookView(id, owner, tenantId, name, firm, url, events, active, disabledAt, disabledReason,
                consecutiveFailures, createdAt, lastDelivery);
    }
}
