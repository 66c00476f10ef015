package io.taskforce.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEventView(long seq, Instant occurredAt, Actor actor, String action, String entityType,
                             String entityId, @Nullable Map<String, Object> changes, @Nullable String ip,
                             @Nullable String userAgent, @Nullable String requestId,
                             @Nullable String clientRequestId, String prevHash, String hash) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Actor(String subject, String username, List<String> roles, @Nullable String firm) {
    }

    static AuditEventView of(AuditEvent e, @Nullable Map<String, Object> changes) {
        return new AuditEventView(e.seq(), e.occurredAt(),
                new Actor(e.actorSubject(), e.actorUsername(), e.actorRoles(), e.actorFirm()),
                e.action(), e.entityType(), e.entityId(), changes, e.ip(), e.userAgent(), e.requestId(),
                e.clientRequestId(), e.prevHash(), e.hash());
    }
}
