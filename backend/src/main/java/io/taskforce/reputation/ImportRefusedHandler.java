package io.taskforce.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import io.taskforce.platform.web.RequestIds;
import jakarta.inject.Singleton;

/**
 * A refused CSV import as a problem document that also names the line at fault (the contract: a
 * problem+json with {@code line} and the reason in {@code detail}).
 */
@Singleton
@Produces
final class ImportRefusedHandler implements ExceptionHandler<ImportRefused, HttpResponse<?>> {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImportProblem(String type, String title, int status, String detail, int line, @Nullable String instance,
                         @Nullable String requestId) {
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ImportRefused refused) {
        var problem = new ImportProblem("about:blank", "Import refused", HttpStatus.BAD_REQUEST.getCode(),
                "Line " + refused.line() + ": " + refused.getMessage() + " Nothing was imported.", refused.line(),
                request.getPath(), RequestIds.of(request).orElse(null));
        return HttpResponse.badRequest(problem).contentType(MediaType.of("application/problem+json"));
    }
}
