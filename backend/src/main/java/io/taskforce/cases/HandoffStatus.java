package io.taskforce.cases;

/** A hand-off between workstreams waits for an answer, then is answered or declined with a reason. */
public enum HandoffStatus {
    OPEN, ANSWERED, DECLINED
}
