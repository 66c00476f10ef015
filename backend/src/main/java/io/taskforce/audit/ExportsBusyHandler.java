package io.taskforce.audit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** The problem document of {@link ExportsBusyException}, with the Retry-After header a client waits by. */
@Singleton
@Produces
final class ExportsBusyHandler implements ExceptionHandler<ExportsBusyException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    ExportsBusyHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ExportsBusyException exception) {
        var context = ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build();
        return errors.processResponse(context, HttpResponse.status(exception.status())
                .header("Retry-After", Integer.toString(ExportsBusyException.RETRY_AFTER_SECONDS)));
    }
}
