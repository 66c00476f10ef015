package io.taskforce.platform.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.propagation.MutablePropagatedContext;

import java.util.Map;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives each request an id (the caller's {@code X-Request-Id} when it looks sane, a new one otherwise),
 * puts it in the logging context and echoes it in the response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(RequestIds.HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        LogContext.add(context, Map.of("requestId", id));
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        RequestIds.of(request).ifPresent(id -> response.header(RequestIds.HEADER, id));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
