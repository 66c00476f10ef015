package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.UUID;

/** What a feature tells the audit trail about one change: the action, the entity and the changed fields. */
public record AuditEntry(String action, String entityType, String entityId, @Nullable UUID caseId,
                         Map<String, Change> changes) {

    public static AuditEntry of(String action, String entityType, Object entityId, Map<String, Change> changes) {
        return new AuditEntry(action, entityType, entityId.toString(), null, changes);
    }

    public static AuditEntry of(String action, String entityType, Object entityId, Changes changes) {
        return of(action, entityType, entityId, changes.asMap());
    }

    /** A change to a case or to something of a case: the event carries the case id, so the case's trail finds it. */
    public static AuditEntry ofCase(UUID caseId, String action, String entityType, Object entityId, Changes changes) {
        return new AuditEntry(action, entityType, entityId.toString(), caseId, changes.asMap());
    }
}
