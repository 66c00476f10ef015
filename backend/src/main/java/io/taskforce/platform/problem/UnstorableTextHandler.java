package io.taskforce.platform.problem;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.Set;

/**
 * PostgreSQL cannot store some text a client may send (the NUL character, U+0000, in any field or parameter): it
 * refuses the statement, the transaction rolls back, and the caller made the mistake, so the answer is a 400 that
 * says what to remove instead of a 500. Any other database failure stays a logged 500.
 */
@Singleton
@Produces
final class UnstorableTextHandler implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

    /** character_not_in_repertoire (0x00 in UTF-8 text) and untranslatable_character (\u0000 in JSON text). */
    private static final Set<String> CLIENT_TEXT_STATES = Set.of("22021", "22P05");

    private final ErrorResponseProcessor<?> errors;

    UnstorableTextHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
        var context = ErrorContext.builder(request).cause(exception);
        if (causedByClientText(exception)) {
            return errors.processResponse(context.errorMessage(
                    "The request holds a character that cannot be stored (U+0000, the NUL character): remove it and send again.")
                    .build(), HttpResponse.status(HttpStatus.BAD_REQUEST));
        }
        return errors.processResponse(context.build(), HttpResponse.serverError());
    }

    private static boolean causedByClientText(Throwable exception) {
        for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && CLIENT_TEXT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
