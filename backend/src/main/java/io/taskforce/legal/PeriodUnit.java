package io.taskforce.legal;

/** The unit a rule's duration is expressed in. */
public enum PeriodUnit { HOURS, DAYS, MONTHS, YEARS }
