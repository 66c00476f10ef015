package io.taskforce.messages.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list of words and phrases compiled into one case-insensitive pattern on word boundaries; an apostrophe in a
 * phrase matches both the straight and the typographic one, and a space any run of spaces. Positions stay those of
 * the original text, so the UI can highlight exactly what matched.
 */
final class Phrases {

    private final Pattern pattern;

    private Phrases(Pattern pattern) {
        this.pattern = pattern;
    }

    static Phrases of(List<String> phrases) {
        var alternatives = phrases.stream()
                .sorted((a, b) -> b.length() - a.length()) // longest first, so "no comment at all" wins over "no comment"
                .map(Phrases::toRegex)
                .collect(Collectors.joining("|"));
        return new Phrases(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    List<CheckWarning.Span> find(CheckedText.Field field) {
        var spans = new ArrayList<CheckWarning.Span>();
        var matcher = pattern.matcher(field.text());
        while (matcher.find()) {
            spans.add(new CheckWarning.Span(field.name(), matcher.start(), matcher.end(), matcher.group()));
        }
        return spans;
    }

    boolean foundIn(String text) {
        return pattern.matcher(text).find();
    }

    private static String toRegex(String phrase) {
        var out = new StringBuilder();
        for (var word : phrase.trim().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append("\\s+");
            }
            out.append(Pattern.quote(word).replace("'", "\\E['’]\\Q"));
        }
        return out.toString();
    }
}
