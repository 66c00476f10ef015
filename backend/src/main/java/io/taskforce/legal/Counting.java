package io.taskforce.legal;

/**
 * How a rule's period is counted (DESIGN §4), written next to each rule so that the lawyer sees the convention.
 */
public enum Counting {
    /**
     * Months or years <i>de quantième à quantième</i> (Code of Civil Procedure art. 641): the last day bears the same
     * number as the trigger day, N months or years later; when that month has no such day, its last day. The period
     * ends at 24:00 Europe/Paris on the last day (Cass. crim. 12 Nov 2014: published 23 August, actionable until
     * 23 November inclusive).
     */
    CALENDAR_MONTHS,
    /**
     * Days: the trigger day itself does not count (art. 641, first paragraph); the last day is N days after it, and
     * the period ends at 24:00 Europe/Paris on that day.
     */
    WHOLE_DAYS,
    /** Real elapsed hours from the trigger instant, across daylight-saving changes (GDPR art. 33). */
    ELAPSED_HOURS;

    /** Whether this convention counts a duration expressed in the unit. */
    public boolean fits(PeriodUnit unit) {
        return switch (this) {
            case CALENDAR_MONTHS -> unit == PeriodUnit.MONTHS || unit == PeriodUnit.YEARS;
            case WHOLE_DAYS -> unit == PeriodUnit.DAYS;
            case ELAPSED_HOURS -> unit == PeriodUnit.HOURS;
        };
    }
}
