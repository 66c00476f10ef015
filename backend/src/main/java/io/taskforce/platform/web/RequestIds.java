package io.taskforce.platform.web;

import io.micronaut.http.HttpRequest;

import java.util.Optional;

/** The request id given to each request by {@link RequestIdFilter}; logs and problem documents carry it. */
public final class RequestIds {
    static final String ATTRIBUTE = "taskforce.requestId";
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }
}
