package io.taskforce.legal;

import java.util.Set;

/** Where a legal action stands; a pure state machine. */
public enum ActionStatus {
    DRAFT, SENT, ANSWERED, GRANTED, REFUSED, WITHDRAWN;

    /** The statuses an action may move to from this one. */
    public Set<ActionStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SENT, WITHDRAWN);
            case SENT -> Set.of(ANSWERED, GRANTED, REFUSED, WITHDRAWN);
            case ANSWERED -> Set.of(GRANTED, REFUSED, WITHDRAWN);
            case GRANTED, REFUSED, WITHDRAWN -> Set.of();
        };
    }
}
