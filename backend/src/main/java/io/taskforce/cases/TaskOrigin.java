package io.taskforce.cases;

/** Where a task came from: triage's first-hour checklist, a person, or a hand-off. */
public enum TaskOrigin {
    TRIAGE, MANUAL, HANDOFF
}
