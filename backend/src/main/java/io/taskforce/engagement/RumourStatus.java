package io.taskforce.engagement;

/** A rumour is watched until it is shown false (DEBUNKED) or turns out true (CONFIRMED); both are final. */
public enum RumourStatus {
    WATCHING, DEBUNKED, CONFIRMED
}
