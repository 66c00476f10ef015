package io.taskforce.platform.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.taskforce.platform.web.RequestIds;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders every error the framework produces (validation, security, routing, unhandled exceptions) as
 * {@code application/problem+json}. Client errors keep their message; server errors never show theirs:
 * the details go to the log, keyed by the request id the client also receives.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    static final Pattern FIELD_MESSAGE =
            Pattern.compile("^([A-Za-z_][\\w.\\[\\]]*): (.+)$", Pattern.DOTALL);
    private static final Pattern ALLOWED_VALUES = Pattern.compile("Expected one of (\\[[^]]*]) but was ('[^']{0,100}')");
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String requestId = RequestIds.of(context.getRequest()).orElse(null);
        String detail;
        List<Problem.FieldError> errors = List.of();
        boolean explained = context.getRootCause().filter(ApiException.class::isInstance).isPresent();
        if (status.getCode() >= 500 && !explained) {
            context.getRootCause().ifPresent(e -> LOG.error("Request {} {} failed (request id {})",
                    context.getRequest().getMethodName(), context.getRequest().getPath(), requestId, e));
            detail = "An unexpected error occurred. It has been logged; quote the request id to support.";
        } else {
            errors = context.getErrors().stream().map(ProblemErrorResponseProcessor::fieldError).toList();
            detail = errors.isEmpty() ? defaultDetail(status)
                    : errors.stream().map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
                    .collect(Collectors.joining("; "));
            if (errors.stream().allMatch(e -> e.field() == null)) {
                errors = List.of();
            }
        }
        var problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                context.getRequest().getPath(), requestId, errors);
        return response.body(problem).contentType(PROBLEM_JSON);
    }

    /**
     * Validation errors come as "argument.field: message" without a path; the field is what the client sent,
     * so the argument's name (the Java parameter) is dropped. Parser messages are replaced: they quote internals.
     */
    private static Problem.FieldError fieldError(Error error) {
        String message = error.getMessage();
        if (message != null && message.startsWith("Invalid JSON")) {
            return new Problem.FieldError(null, "The request body is not valid JSON.");
        }
        if (message != null && message.contains("Failed to convert argument")) {
            // the parser's message names Java types: keep only the allowed values and the value sent, if given
            var allowed = ALLOWED_VALUES.matcher(message);
            return new Problem.FieldError(null, allowed.find()
                    ? "A value is not one of those allowed: expected one of " + allowed.group(1) + " but was " + allowed.group(2) + "."
                    : "The request does not have the expected shape (a value has the wrong type).");
        }
        if (error.getPath().isPresent()) {
            return new Problem.FieldError(error.getPath().get(), message);
        }
        var matcher = FIELD_MESSAGE.matcher(message == null ? "" : message);
        if (matcher.matches()) {
            String path = matcher.group(1);
            String field = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
            return new Problem.FieldError(field, matcher.group(2));
        }
        return new Problem.FieldError(null, message);
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
