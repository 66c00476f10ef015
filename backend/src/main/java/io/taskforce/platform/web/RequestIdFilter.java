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
 * Gives each request an id of the server's own (a caller could otherwise pick the id an audit event records, or
 * reuse another request's), puts it in the logging context and returns it in the response. The caller's
 * {@code X-Request-Id}, when it looks sane, is kept beside it for correlation with the caller's logs.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(RequestIds.HEADER);
        String id = UUID.randomUUID().toString();
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        if (given != null && SANE.matcher(given).matches()) {
            request.setAttribute(RequestIds.CLIENT_ATTRIBUTE, given);
            LogContext.add(context, Map.of("requestId", id, "clientRequestId", given));
        } else {
            LogContext.add(context, Map.of("requestId", id));
        }
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
