package io.taskforce.reputation;

/** How a search result speaks of the client. */
public enum Tone { NEGATIVE, NEUTRAL, POSITIVE }
