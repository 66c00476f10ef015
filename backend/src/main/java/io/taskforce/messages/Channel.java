package io.taskforce.messages;

/** Where a message goes out. */
public enum Channel {
    PRESS, WEBSITE, SOCIAL, EMAIL, PHONE, INTERNAL
}
