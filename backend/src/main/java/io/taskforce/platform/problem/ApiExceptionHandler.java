package io.taskforce.platform.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
@Produces
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    ApiExceptionHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
        String message = exception.getMessage();
        // our own messages name the field as the client sent it ("email[1].event: ..."), path included
        var matcher = ProblemErrorResponseProcessor.FIELD_MESSAGE.matcher(message == null ? "" : message);
        var context = ErrorContext.builder(request).cause(exception);
        if (matcher.matches()) {
            String field = matcher.group(1);
            String text = matcher.group(2);
            context.error(new Error() {
                @Override
                public String getMessage() {
                    return text;
                }

                @Override
                public Optional<String> getPath() {
                    return Optional.of(field);
                }
            });
        } else {
            context.errorMessage(message);
        }
        return errors.processResponse(context.build(), HttpResponse.status(exception.status()));
    }
}
