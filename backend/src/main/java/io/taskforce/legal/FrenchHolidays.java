package io.taskforce.legal;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/**
 * French public holidays (Labour Code L3133-1), computed rather than listed so that every year is right: the eight
 * fixed dates, and Easter Monday, Ascension Thursday and Whit Monday from the date of Easter (Gregorian computus).
 * The two extra days of Alsace-Moselle (Good Friday, 26 December) are not national holidays and are not counted.
 */
public final class FrenchHolidays {

    private FrenchHolidays() {
    }

    /** The holiday's stable key (e.g. {@code easter-monday}), or empty for an ordinary day. */
    public static Optional<String> holiday(LocalDate day) {
        var easter = easterSunday(day.getYear());
        if (day.equals(easter.plusDays(1))) {
            return Optional.of("easter-monday");
        }
        if (day.equals(easter.plusDays(39))) {
            return Optional.of("ascension");
        }
        if (day.equals(easter.plusDays(50))) {
            return Optional.of("whit-monday");
        }
        return Optional.ofNullable(fixed(day.getMonth(), day.getDayOfMonth()));
    }

    public static boolean isHoliday(LocalDate day) {
        return holiday(day).isPresent();
    }

    /** Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }

    private static String fixed(Month month, int day) {
        return switch (month) {
            case JANUARY -> day == 1 ? "new-year" : null;
            case MAY -> day == 1 ? "labour-day" : day == 8 ? "victory-1945" : null;
            case JULY -> day == 14 ? "bastille-day" : null;
            case AUGUST -> day == 15 ? "assumption" : null;
            case NOVEMBER -> day == 1 ? "all-saints" : day == 11 ? "armistice-1918" : null;
            case DECEMBER -> day == 25 ? "christmas" : null;
            default -> null;
        };
    }
}
