package io.taskforce.cases;

/** Coombs' crisis clusters: how much responsibility the public attributes to the organisation. */
public enum Cluster {
    VICTIM, ACCIDENTAL, PREVENTABLE
}
