package io.taskforce.reputation;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the CSV export of a position-tracking tool into snapshots, checking everything before anything is saved.
 * Header names are matched case-insensitively ({@code keyword, position, url, title, date}, optional
 * {@code engine, locale, ownership, tone}; other columns are ignored, tools add their own); comma or semicolon
 * separated (French spreadsheets write semicolons), UTF-8 with or without BOM, blank lines skipped. The first fault
 * refuses the whole file with its line. Pure: no I/O beyond the string given.
 */
final class SerpCsv {

    static final String DEFAULT_ENGINE = "google";
    static final String DEFAULT_LOCALE = "fr-FR";
    private static final List<String> REQUIRED = List.of("keyword", "position", "url", "title", "date");
    private static final List<String> OPTIONAL = List.of("engine", "locale", "ownership", "tone");
    private static final Pattern ENGINE = Pattern.compile("[a-z0-9_.-]{1,40}");
    private static final Pattern LOCALE = Pattern.compile("([a-zA-Z]{2})[-_]([a-zA-Z]{2})");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private SerpCsv() {
    }

    /** Which query a row belongs to. */
    record QueryKey(String query, String engine, String country, String language) {
    }

    record Row(int line, int position, String url, String domain, String title, @Nullable Ownership ownership,
               @Nullable Tone tone) {
    }

    /** The rows of one query on one date, in file order. */
    record Snapshot(QueryKey query, LocalDate date, int firstLine, List<Row> rows) {
    }

    static List<Snapshot> parse(String text) {
        var body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        var lines = new LineIndex(body);
        var format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(body)).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        var snapshots = new LinkedHashMap<String, Snapshot>();
        var positions = new HashMap<String, Map<Integer, Integer>>();
        try (var parser = CSVParser.parse(new StringReader(body), format)) {
            Map<String, Integer> columns = null;
            for (CSVRecord record : parser) {
                int line = lines.lineOf(startOf(body, record.getCharacterPosition()));
                if (columns == null) {
                    columns = header(record, line);
                    continue;
                }
                var cells = new Cells(record, columns, line);
                var key = new QueryKey(cells.required("keyword", 300), engine(cells), country(cells), language(cells));
                var date = date(cells.required("date", 40), line);
                int position = position(cells.required("position", 10), line);
                var url = cells.required("url", 2000);
                var domain = domain(url, line);
                var title = cells.optional("title", 500);
                var ownership = choice(Ownership.class, cells.optional("ownership", 40), "ownership", line);
                var tone = choice(Tone.class, cells.optional("tone", 40), "tone", line);
                var id = key + "|" + date;
                var seen = positions.computeIfAbsent(id, k -> new HashMap<>()).putIfAbsent(position, line);
                if (seen != null) {
                    throw new ImportRefused(line, "position " + position + " of \"" + key.query() + "\" on " + date
                            + " is already given on line " + seen + ".");
                }
                snapshots.computeIfAbsent(id, k -> new Snapshot(key, date, line, new ArrayList<>()))
                        .rows().add(new Row(line, position, url, domain, title, ownership, tone));
            }
            if (columns == null) {
                throw new ImportRefused(1, "the file is empty: a header line is expected (keyword, position, url, title, date).");
            }
        } catch (IOException | UncheckedIOException e) {
            // commons-csv reports a malformed quote as an exception naming the line; we only know it is unreadable
            throw new ImportRefused(lines.lineCount(), "the file is not valid CSV (an unclosed quote?).");
        }
        if (snapshots.isEmpty()) {
            throw new ImportRefused(2, "the file has a header but no results.");
        }
        return List.copyOf(snapshots.values());
    }

    /** A record's offset is where the parser began reading it: skipped blank lines come before its first character. */
    private static long startOf(String body, long offset) {
        long start = offset;
        while (start < body.length() && (body.charAt((int) start) == '\n' || body.charAt((int) start) == '\r')) {
            start++;
        }
        return start;
    }

    /** The separator of the header line: semicolon when it has more of them than commas (French exports). */
    private static char delimiter(String body) {
        int end = body.indexOf('\n');
        var header = end < 0 ? body : body.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static Map<String, Integer> header(CSVRecord record, int line) {
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < record.size(); i++) {
            var name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if ((REQUIRED.contains(name) || OPTIONAL.contains(name)) && columns.putIfAbsent(name, i) != null) {
                throw new ImportRefused(line, "the column \"" + name + "\" appears twice in the header.");
            }
        }
        var missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new ImportRefused(line, "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (the header must name keyword, position, url, title and date; found "
                    + String.join(", ", Arrays.stream(record.values()).map(String::strip).toList()) + ").");
        }
        return columns;
    }

    private static String engine(Cells cells) {
        var engine = cells.optional("engine", 40).toLowerCase(Locale.ROOT);
        if (engine.isEmpty()) {
            return DEFAULT_ENGINE;
        }
        if (!ENGINE.matcher(engine).matches()) {
            throw new ImportRefused(cells.line, "engine \"" + engine + "\" is not a search engine name (letters, digits, dots, dashes).");
        }
        return engine;
    }

    private static String country(Cells cells) {
        return locale(cells)[1].toUpperCase(Locale.ROOT);
    }

    private static String language(Cells cells) {
        return locale(cells)[0].toLowerCase(Locale.ROOT);
    }

    private static String[] locale(Cells cells) {
        var locale = cells.optional("locale", 20);
        var m = LOCALE.matcher(locale.isEmpty() ? DEFAULT_LOCALE : locale);
        if (!m.matches()) {
            throw new ImportRefused(cells.line, "locale \"" + locale + "\" is not a language and country such as fr-FR.");
        }
        return new String[]{m.group(1), m.group(2)};
    }

    /** ISO dates (2026-03-02, also with a time after them) or French ones (02/03/2026). */
    static LocalDate date(String value, int line) {
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}([T ].*)?")) {
                return LocalDate.parse(value.substring(0, 10));
            }
            if (value.matches("\\d{2}/\\d{2}/\\d{4}")) {
                return LocalDate.parse(value, FRENCH_DATE);
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below: a well-shaped but impossible date such as 2026-02-30
        }
        throw new ImportRefused(line, "date \"" + value + "\" is not a date such as 2026-03-02 or 02/03/2026.");
    }

    private static int position(String value, int line) {
        int position;
        try {
            position = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ImportRefused(line, "position \"" + value + "\" is not a whole number.");
        }
        if (position < 1 || position > 20) {
            throw new ImportRefused(line, "position " + position + " is out of range: only the top 20 (1 to 20) is tracked.");
        }
        return position;
    }

    /** The host of an absolute http(s) URL, lower case and without "www.": what the specialist reads as the site. */
    static String domain(String url, int line) {
        try {
            var uri = new URI(url);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            var host = uri.getHost();
            if ((scheme.equals("http") || scheme.equals("https")) && host != null && host.contains(".")) {
                host = host.toLowerCase(Locale.ROOT);
                return host.startsWith("www.") ? host.substring(4) : host;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ImportRefused(line, "url \"" + url + "\" is not an absolute http or https address.");
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, String value, String column, int line) {
        if (value.isEmpty()) {
            return null;
        }
        var name = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new ImportRefused(line, column + " \"" + value + "\" is not one of "
                    + Arrays.toString(type.getEnumConstants()) + " (or empty).");
        }
    }

    /** The cells of one data line, by column name. */
    private static final class Cells {
        private final CSVRecord record;
        private final Map<String, Integer> columns;
        private final int line;

        Cells(CSVRecord record, Map<String, Integer> columns, int line) {
            this.record = record;
            this.columns = columns;
            this.line = line;
        }

        String required(String column, int max) {
            var value = optional(column, max);
            if (value.isEmpty()) {
                throw new ImportRefused(line, column + " is empty.");
            }
            return value;
        }

        String optional(String column, int max) {
            Integer index = columns.get(column);
            var value = index == null || index >= record.size() ? "" : record.get(index).strip();
            if (value.length() > max) {
                throw new ImportRefused(line, column + " is longer than " + max + " characters.");
            }
            return value;
        }
    }

    /** Maps a character offset of the text to its 1-based line number. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            var list = new ArrayList<Integer>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(long offset) {
            int i = Arrays.binarySearch(starts, (int) offset);
            return i >= 0 ? i + 1 : -i - 1;
        }

        int lineCount() {
            return starts.length;
        }
    }
}
