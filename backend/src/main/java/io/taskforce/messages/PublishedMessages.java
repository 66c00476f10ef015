package io.taskforce.messages;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What other features may know of the messages: whether one stands published on a case, and the titles messages were
 * published under. Other features name a message (a rumour's response, a running-log entry) without reading these
 * tables themselves. Call it inside the caller's case transaction: it reads the messages of that case's tenant only,
 * and row-level security applies too, so a message of another tenant, or a draft a client may not read, is simply
 * not there. The tenant is the case's, passed in (the second wall before row-level security).
 */
@Singleton
public class PublishedMessages {

    private final MessageStore store;

    PublishedMessages(MessageStore store) {
        this.store = store;
    }

    /**
     * The title of the message if it stands published on this case: published at least once and not withdrawn (an
     * edit after publication leaves the published words standing until a new publication or a withdrawal).
     */
    public Optional<String> standingOnCase(UUID tenantId, UUID caseId, UUID messageId) {
        return Optional.ofNullable(store.lastPublished(tenantId, List.of(messageId)).get(messageId))
                .filter(p -> p.caseId().equals(caseId) && p.state() != MessageState.WITHDRAWN)
                .map(MessageStore.Published::title);
    }

    /** The title each message was last published under, for those of {@code ids} that were ever published. */
    public Map<UUID, String> titles(UUID tenantId, Collection<UUID> ids) {
        return store.lastPublished(tenantId, ids).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().title()));
    }
}
