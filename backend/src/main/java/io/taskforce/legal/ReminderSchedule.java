package io.taskforce.legal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a clock reminds the case's lawyers, from its rule's schedule (DESIGN §4): each entry is either a share of the
 * period gone ({@code 50%}) or a time before the end as an ISO-8601 duration ({@code P14D}, {@code PT6H}). Pure.
 */
public final class ReminderSchedule {

    /** One reminder: the schedule entry that made it and when it is due. */
    public record Reminder(String label, Instant dueAt) {
    }

    private ReminderSchedule() {
    }

    /** Checks every entry; the message names the first bad one. */
    public static void validate(List<String> schedule) {
        for (String entry : schedule) {
            offset(entry, Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(1)));
        }
    }

    /**
     * The reminders of a period from {@code start} to {@code end} that fall strictly inside it, soonest first; two
     * entries due at the same instant make one reminder (the first entry's label).
     */
    public static List<Reminder> plan(List<String> schedule, Instant start, Instant end) {
        return schedule.stream()
                .map(entry -> new Reminder(entry.strip(), offset(entry, start, end)))
                .filter(r -> r.dueAt().isAfter(start) && r.dueAt().isBefore(end))
                .sorted(Comparator.comparing(Reminder::dueAt))
                .filter(distinctDue())
                .toList();
    }

    private static Predicate<Reminder> distinctDue() {
        var seen = new HashSet<Instant>();
        return r -> seen.add(r.dueAt());
    }

    private static Instant offset(String entry, Instant start, Instant end) {
        String e = Objects.requireNonNull(entry, "reminder").strip();
        if (e.endsWith("%")) {
            int percent;
            try {
                percent = Integer.parseInt(e.substring(0, e.length() - 1));
            } catch (NumberFormatException x) {
                throw bad(e);
            }
            if (percent <= 0 || percent >= 100) {
                throw bad(e);
            }
            long millis = Duration.between(start, end).toMillis() * percent / 100;
            return start.plusMillis(millis);
        }
        try {
            Duration before = Duration.parse(e);
            if (before.isNegative() || before.isZero()) {
                throw bad(e);
            }
            return end.minus(before);
        } catch (DateTimeParseException x) {
            throw bad(e);
        }
    }

    private static IllegalArgumentException bad(String entry) {
        return new IllegalArgumentException("reminders: '" + entry + "' is neither a share of the period (1% to 99%) "
                + "nor a positive ISO-8601 duration before the end (P14D, PT6H)");
    }
}
