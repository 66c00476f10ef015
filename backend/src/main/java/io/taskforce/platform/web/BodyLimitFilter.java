package io.taskforce.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.RouteAttributes;

/**
 * Refuses a body larger than its route takes, before anything reads it: kilobytes for JSON (the largest text field,
 * 20,000 characters, fits several times over), the upload limit for the routes marked {@link UploadRoute}. The
 * declared length decides; a chunked body without one is held to {@code micronaut.server.max-request-size}.
 */
@ServerFilter("/api/**")
final class BodyLimitFilter implements Ordered {

    private final long jsonMaxBytes;
    private final long uploadMaxBytes;
    private final ErrorResponseProcessor<?> errors;

    BodyLimitFilter(@Value("${taskforce.http.json-max-bytes:262144}") long jsonMaxBytes,
                    @Value("${taskforce.http.upload-max-bytes:10485760}") long uploadMaxBytes,
                    ErrorResponseProcessor<?> errors) {
        this.jsonMaxBytes = jsonMaxBytes;
        this.uploadMaxBytes = uploadMaxBytes;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> limit(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length <= 0) {
            return null;
        }
        boolean upload = RouteAttributes.getRouteMatch(request)
                .map(route -> route.getAnnotationMetadata().hasAnnotation(UploadRoute.class))
                .orElse(false);
        long max = upload ? uploadMaxBytes : jsonMaxBytes;
        if (length <= max) {
            return null;
        }
        return errors.processResponse(ErrorContext.builder(request)
                .errorMessage("The request body is " + length + " bytes; this route takes at most " + max + " bytes.")
                .build(), HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
