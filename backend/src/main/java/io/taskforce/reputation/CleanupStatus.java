package io.taskforce.reputation;

/** The life of a cleanup action: PLANNED → SUBMITTED → ACCEPTED | REJECTED → DONE (see {@link CleanupLifecycle}). */
public enum CleanupStatus { PLANNED, SUBMITTED, ACCEPTED, REJECTED, DONE }
