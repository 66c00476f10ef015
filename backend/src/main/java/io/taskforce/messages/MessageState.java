package io.taskforce.messages;

/** Where a message stands in the sign-off gate (DESIGN §5). */
public enum MessageState {
    DRAFT, IN_REVIEW, APPROVED, CHANGES_REQUESTED, PUBLISHED, WITHDRAWN
}
