package io.taskforce.platform.web;

import io.micronaut.http.HttpRequest;

import java.util.Optional;

/**
 * The request id the server gives each request ({@link RequestIdFilter}); logs, problem documents and audit events
 * carry it. The caller's own id, when it sent a sane one, is kept beside it.
 */
public final class RequestIds {
    static final String ATTRIBUTE = "taskforce.requestId";
    static final String CLIENT_ATTRIBUTE = "taskforce.clientRequestId";
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    /** The id the caller sent in {@code X-Request-Id}, if it looked sane. */
    public static Optional<String> clientOf(HttpRequest<?> request) {
        return request.getAttribute(CLIENT_ATTRIBUTE, String.class);
    }
}
