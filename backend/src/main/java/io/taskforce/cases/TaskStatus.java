package io.taskforce.cases;

/** A task's state; DONE and CANCELLED close it. */
public enum TaskStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED
}
