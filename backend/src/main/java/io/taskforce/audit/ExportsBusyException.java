package io.taskforce.audit;

import io.micronaut.http.HttpStatus;
import io.taskforce.platform.problem.ApiException;

/** All export slots of this instance are taken: 503 with Retry-After ({@link ExportsBusyHandler}). */
final class ExportsBusyException extends ApiException {

    static final int RETRY_AFTER_SECONDS = 30;

    ExportsBusyException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Too many audit exports are running; try again in a moment.");
    }
}
