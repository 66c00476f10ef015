package io.taskforce.messages;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Filling a template's {{placeholders}}: pure text work. */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private Templates() {
    }

    static String fill(String text, Map<String, String> values) {
        var matcher = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            var value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
