package io.taskforce.cases;

/** The three workstreams of the task force, one per firm. */
public enum Workstream {
    COMMUNICATION, LEGAL, REPUTATION
}
