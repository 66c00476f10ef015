package io.taskforce.legal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A computed deadline: the last day (Europe/Paris), the exact instant the period ends, and whether the last day is a
 * weekend day or a public holiday. Such a day is flagged for the lawyer, never moved: press-law prescription is not
 * extended to the next working day (TGI Paris, 8 April 1998).
 */
public record Deadline(LocalDate lastDay, Instant endsAt, boolean nonWorkingLastDay) {
}
