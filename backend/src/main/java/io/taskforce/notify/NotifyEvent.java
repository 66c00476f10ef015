package io.taskforce.notify;

import java.util.Arrays;
import java.util.Optional;

/** What people are told about. The code is the stable name used in the API, preferences, e-mails and webhooks. */
public enum NotifyEvent {
    CASE_REPORTED("case.reported", true),
    CASE_STATUS_CHANGED("case.status_changed", false),
    TASK_ASSIGNED("task.assigned", true),
    HANDOFF_REQUESTED("handoff.requested", true),
    MESSAGE_REVIEW_REQUESTED("message.review_requested", true),
    MESSAGE_REVIEW_ESCALATED("message.review_escalated", true),
    MESSAGE_CHANGES_REQUESTED("message.changes_requested", true),
    MESSAGE_APPROVED("message.approved", true),
    MESSAGE_PUBLISHED("message.published", false),
    MESSAGE_WITHDRAWN("message.withdrawn", false),
    LEGAL_CLOCK_REMINDER("legal.clock_reminder", true),
    LOG_PUBLIC_ENTRY("log.public_entry", false);

    private final String code;
    private final boolean emailByDefault;

    NotifyEvent(String code, boolean emailByDefault) {
        this.code = code;
        this.emailByDefault = emailByDefault;
    }

    public String code() {
        return code;
    }

    boolean emailByDefault() {
        return emailByDefault;
    }

    static Optional<NotifyEvent> ofCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }
}
