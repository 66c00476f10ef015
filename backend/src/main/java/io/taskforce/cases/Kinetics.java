package io.taskforce.cases;

/** How the crisis moves: an explosion or a slow burn. */
public enum Kinetics {
    FAST, SLOW
}
