package io.taskforce.reputation;

/** Who says it: the client about itself ({@code OWNED}), or anyone else. */
public enum Ownership { OWNED, THIRD_PARTY }
