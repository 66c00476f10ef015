package io.taskforce.messages;

/** What an outgoing message is (the API's vocabulary). */
public enum MessageKind {
    PRESS_RELEASE, SOCIAL_POST, SERVICE_SCRIPT, FAQ_ENTRY, HOLDING_STATEMENT, CLIENT_EMAIL, INTERNAL_MEMO
}
