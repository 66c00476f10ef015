package io.taskforce.notify;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What happened, for whom: written by a feature in the transaction of its change. The fields are what the texts
 * say (the case's title, the tenant's name, who did it, one detail such as the new status or the task's title),
 * copied at that moment so that a notification still reads right after the case changes again. {@code workstreams}
 * names the firms concerned (COMMUNICATION, LEGAL, REPUTATION: the case's workstreams that are routed and not done,
 * or the target of a hand-off): the webhooks of those firms hear of it.
 */
public record Announcement(NotifyEvent event, @Nullable UUID caseId, Set<UUID> recipients, @Nullable String caseTitle,
                           @Nullable String tenantName, @Nullable String actorName, @Nullable String detail,
                           Set<String> workstreams) {

    public Announcement {
        recipients = Set.copyOf(recipients);
        workstreams = Set.copyOf(workstreams);
    }

    /** An announcement that concerns no firm in particular (only the tenant's webhooks hear of it). */
    public Announcement(NotifyEvent event, @Nullable UUID caseId, Set<UUID> recipients, @Nullable String caseTitle,
                        @Nullable String tenantName, @Nullable String actorName, @Nullable String detail) {
        this(event, caseId, recipients, caseTitle, tenantName, actorName, detail, Set.of());
    }

    Map<String, String> params() {
        var params = new LinkedHashMap<String, String>();
        put(params, "caseTitle", caseTitle);
        put(params, "tenantName", tenantName);
        put(params, "actorName", actorName);
        put(params, "detail", detail);
        return params;
    }

    private static void put(Map<String, String> params, String name, @Nullable String value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
