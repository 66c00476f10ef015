package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;

/** The authenticated user of a request and where the request came from: what an audit event records. */
public record Caller(CurrentUser user, @Nullable String ip, @Nullable String userAgent, @Nullable String requestId) {
}
