package io.taskforce.notify;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A row of live_event: who may hear it (user ids, 'staff', 'tenant:<id>') and what it says. */
record LiveEvent(long id, String topic, UUID caseId, List<String> audience) {

    boolean heardBy(Set<String> keys) {
        return audience.stream().anyMatch(keys::contains);
    }

    LiveMessage message() {
        return new LiveMessage(topic, caseId);
    }
}
