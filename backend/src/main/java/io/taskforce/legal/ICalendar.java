package io.taskforce.legal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A lawyer's running clocks as an iCalendar feed (RFC 5545): one event per clock, at its exact end instant (UTC),
 * with an alarm a day before. Pure: text in, text out; lines folded at 75 octets, text escaped.
 */
final class ICalendar {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One clock in the feed. */
    record Entry(String uid, Instant endsAt, String summary, String description) {
    }

    private ICalendar() {
    }

    static String render(List<Entry> entries, Instant now) {
        var out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Taskforce//Legal clocks//FR");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:Taskforce");
        for (var e : entries) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid() + "@taskforce");
            line(out, "DTSTAMP:" + STAMP.format(now));
            line(out, "DTSTART:" + STAMP.format(e.endsAt()));
            line(out, "DTEND:" + STAMP.format(e.endsAt()));
            line(out, "SUMMARY:" + escape(e.summary()));
            line(out, "DESCRIPTION:" + escape(e.description()));
            line(out, "BEGIN:VALARM");
            line(out, "ACTION:DISPLAY");
            line(out, "DESCRIPTION:" + escape(e.summary()));
            line(out, "TRIGGER:-P1D");
            line(out, "END:VALARM");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends a content line, folded so that no physical line exceeds 75 octets (UTF-8), and ended by CRLF. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
