package io.taskforce.platform.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.taskforce.platform.web.RequestIds;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Renders every error the framework produces (validation, security, routing, unhandled exceptions) as
 * {@code application/problem+json}. Client errors keep their message; server errors never show theirs:
 * the details go to the log, keyed by the request id the client also receives.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String requestId = RequestIds.of(context.getRequest()).orElse(null);
        String detail;
        List<Problem.FieldError> errors = List.of();
        if (status.getCode() >= 500) {
            context.getRootCause().ifPresent(e -> LOG.error("Request {} {} failed (request id {})",
                    context.getRequest().getMethodName(), context.getRequest().getPath(), requestId, e));
            detail = "An unexpected error occurred. It has been logged; quote the request id to support.";
        } else {
            errors = context.getErrors().stream()
                    .map(e -> new Problem.FieldError(e.getPath().orElse(null), e.getMessage()))
                    .toList();
            detail = errors.isEmpty() ? defaultDetail(status) : errors.get(0).message();
            if (errors.size() == 1 && errors.get(0).field() == null) {
                errors = List.of();
            }
        }
        var problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                context.getRequest().getPath(), requestId, errors);
        return response.body(problem).contentType(PROBLEM_JSON);
    }

    private static String defaultDetail(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "A valid access token is required.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case NOT_FOUND -> "No such resource.";
            default -> status.getReason();
        };
    }
}
