package io.taskforce.engagement;

/** What a running-log entry records: FACT and DECISION are written by people, the rest by the product. */
public enum LogKind {
    FACT, DECISION, TRIAGE, TEAM, STATUS, PHASE, RUMOUR;

    boolean written() {
        return this == FACT || this == DECISION;
    }
}
