package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One stored audit event. {@link #canonical()} is the exact text that is hashed; it is rebuilt from the
 * stored columns (never stored itself), so editing any column breaks the link.
 */
public record AuditEvent(UUID chain, long seq, Instant occurredAt, String actorSubject, String actorUsername,
                         List<String> actorRoles, @Nullable String actorFirm, String action, String entityType,
                         String entityId, @Nullable UUID caseId, @Nullable String changes, @Nullable String ip,
                         @Nullable String userAgent, @Nullable String requestId, String prevHash, String hash) {

    public String canonical() {
        var event = new LinkedHashMap<String, Object>();
        event.put("chain", chain);
        event.put("seq", seq);
        event.put("occurred_at", CanonicalJson.instant(occurredAt));
        event.put("actor", actor());
        event.put("action", action);
        event.put("entity", Map.of("type", entityType, "id", entityId));
        event.put("case_id", caseId);
        event.put("changes_sha256", changes == null ? null : HashChain.sha256Hex(changes));
        event.put("ip", ip);
        event.put("user_agent", userAgent);
        event.put("request_id", requestId);
        return CanonicalJson.write(event);
    }

    private Map<String, Object> actor() {
        var actor = new LinkedHashMap<String, Object>();
        actor.put("subject", actorSubject);
        actor.put("username", actorUsername);
        actor.put("roles", actorRoles);
        actor.put("firm", actorFirm);
        return actor;
    }

    static List<String> rolesOf(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }
}
