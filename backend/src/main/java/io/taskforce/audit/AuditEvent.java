package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One stored audit event. {@link #canonical()} is the exact text that is hashed; it is rebuilt from the
 * stored columns (never stored itself), so editing any column breaks the link.
 *
 * <p>Two canonical forms exist, and an event keeps the one it was written in: version 1 (events written before
 * V14) commits to the changes with their plain SHA-256, version 2 (from V14 on) with {@code changes_hmac}, an
 * HMAC-SHA-256 keyed with the chain's secret, so a redacted export cannot be used to confirm a guessed value.
 * {@code changesHmac} is recomputed from the stored changes whenever events are read, never read from a column.
 * The caller's own request id ({@code clientRequestId}) is kept as given, outside the hashed text.
 */
public record AuditEvent(UUID chain, long seq, Instant occurredAt, String actorSubject, String actorUsername,
                         List<String> actorRoles, @Nullable String actorFirm, String action, String entityType,
                         String entityId, @Nullable UUID caseId, @Nullable String changes, @Nullable String ip,
                         @Nullable String userAgent, @Nullable String requestId, String prevHash, String hash,
                         int version, @Nullable String changesHmac, @Nullable String clientRequestId) {

    public static final int CURRENT_VERSION = 2;

    /** An event in the first canonical form (as written before V14). */
    public AuditEvent(UUID chain, long seq, Instant occurredAt, String actorSubject, String actorUsername,
                      List<String> actorRoles, @Nullable String actorFirm, String action, String entityType,
                      String entityId, @Nullable UUID caseId, @Nullable String changes, @Nullable String ip,
                      @Nullable String userAgent, @Nullable String requestId, String prevHash, String hash) {
        this(chain, seq, occurredAt, actorSubject, actorUsername, actorRoles, actorFirm, action, entityType, entityId,
                caseId, changes, ip, userAgent, requestId, prevHash, hash, 1, null, null);
    }

    public String canonical() {
        var event = new LinkedHashMap<String, Object>();
        event.put("chain", chain);
        event.put("seq", seq);
        event.put("occurred_at", CanonicalJson.instant(occurredAt));
        event.put("actor", actor());
        event.put("action", action);
        event.put("entity", Map.of("type", entityType, "id", entityId));
        event.put("case_id", caseId);
        if (version == 1) {
            event.put("changes_sha256", changes == null ? null : HashChain.sha256Hex(changes));
        } else {
            event.put("v", version);
            event.put("changes_hmac", changes == null ? null : changesHmac);
        }
        event.put("ip", ip);
        event.put("user_agent", userAgent);
        event.put("request_id", requestId);
        return CanonicalJson.write(event);
    }

    AuditEvent withHash(String newHash) {
        return new AuditEvent(chain, seq, occurredAt, actorSubject, actorUsername, actorRoles, actorFirm, action,
                entityType, entityId, caseId, changes, ip, userAgent, requestId, prevHash, newHash, version,
                changesHmac, clientRequestId);
    }

    private Map<String, Object> actor() {
        var actor = new LinkedHashMap<String, Object>();
        actor.put("subject", actorSubject);
        actor.put("username", actorUsername);
        actor.put("roles", actorRoles);
        actor.put("firm", actorFirm);
        return actor;
    }
}
