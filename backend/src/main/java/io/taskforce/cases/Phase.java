package io.taskforce.cases;

/** Preparation, the hot crisis, or the aftermath (cleaning up the media record). */
public enum Phase {
    PEACETIME, HOT, AFTERMATH
}
