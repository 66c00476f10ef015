package io.taskforce.legal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The deadline of a period from its trigger, in the Europe/Paris calendar. Pure: no clock, no I/O. Triggers are
 * instants (stored in UTC); the calendar counts happen on the Paris date of that instant.
 */
public final class DeadlineCalculator {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private DeadlineCalculator() {
    }

    public static Deadline compute(int amount, PeriodUnit unit, Counting counting, Instant trigger) {
        if (amount < 1) {
            throw new IllegalArgumentException("a period lasts at least one " + unit.name().toLowerCase());
        }
        if (!counting.fits(unit)) {
            throw new IllegalArgumentException(counting + " does not count " + unit);
        }
        var start = trigger.atZone(PARIS);
        if (counting == Counting.ELAPSED_HOURS) {
            // real hours: an instant plus a duration, whatever the wall clock does meanwhile
            Instant end = trigger.plus(Duration.ofHours(amount));
            LocalDate lastDay = end.atZone(PARIS).toLocalDate();
            return new Deadline(lastDay, end, nonWorking(lastDay));
        }
        LocalDate day = start.toLocalDate();
        // plusMonths and plusYears keep the day's number and clamp to the month's last day: exactly art. 641
        LocalDate lastDay = switch (unit) {
            case YEARS -> day.plusYears(amount);
            case MONTHS -> day.plusMonths(amount);
            case DAYS -> day.plusDays(amount);
            case HOURS -> throw new IllegalStateException("hours are counted elapsed");
        };
        return new Deadline(lastDay, endOfDay(lastDay), nonWorking(lastDay));
    }

    /** 24:00 Europe/Paris on the day, that is the start of the next day (23:00 or 22:00 UTC depending on the season). */
    public static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(PARIS).toInstant();
    }

    public static boolean nonWorking(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || FrenchHolidays.isHoliday(day);
    }

    /**
     * A trigger as people give it: an ISO-8601 local date ({@code 2024-08-23}, read as 00:00) or local date-time
     * ({@code 2024-03-30T10:15}) in Europe/Paris. A time that does not exist (the spring gap) is read one hour later,
     * which is the same instant; a time that happens twice (the autumn overlap) is read as the first of the two, so
     * the deadline is never later than the law says.
     */
    public static Instant parseTrigger(String text) {
        String t = text == null ? "" : text.strip();
        try {
            LocalDateTime local = t.contains("T") ? LocalDateTime.parse(t) : LocalDate.parse(t).atStartOfDay();
            return ZonedDateTime.ofLocal(local, PARIS, null).withEarlierOffsetAtOverlap().toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("trigger: expected an ISO-8601 local date (2024-08-23) or date-time "
                    + "(2024-08-23T14:30) in Europe/Paris, got '" + t + "'");
        }
    }
}
