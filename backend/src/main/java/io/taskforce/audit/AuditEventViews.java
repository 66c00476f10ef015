package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.taskforce.platform.web.Page;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pages of audit events as the API shows them (changes parsed back from their hashed text). */
@Singleton
public class AuditEventViews {

    private final AuditTrail trail;
    private final JsonMapper json;

    AuditEventViews(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    /** One chain, newest first; inside its transaction. */
    Page<AuditEventView> chainPage(UUID chain, @Nullable Long before, int limit) {
        return page(trail.page(chain, before, limit + 1), limit);
    }

    /** The events of one case, newest first; inside the case's tenant transaction. */
    public Page<AuditEventView> casePage(UUID caseId, @Nullable Long before, int limit) {
        return page(trail.casePage(caseId, before, limit + 1), limit);
    }

    private Page<AuditEventView> page(List<AuditEvent> rows, int limit) {
        return Page.of(rows.stream().map(e -> AuditEventView.of(e, parse(e.changes()))).toList(), limit,
                v -> Long.toString(v.seq()));
    }

    private Map<String, Object> parse(@Nullable String changes) {
        try {
            return changes == null ? null : json.readValue(changes, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
