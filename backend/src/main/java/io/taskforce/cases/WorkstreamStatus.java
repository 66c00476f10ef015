package io.taskforce.cases;

/** How far a workstream of a case has come. */
public enum WorkstreamStatus {
    NOT_STARTED, ACTIVE, DONE
}
