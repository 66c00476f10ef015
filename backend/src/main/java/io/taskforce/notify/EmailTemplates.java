package io.taskforce.notify;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a notification e-mail in the recipient's language, as plain text and as HTML. Pure: the values come
 * from the announcement and are escaped in the HTML part; a status or a workstream is translated, not shown as code.
 */
final class EmailTemplates {

    record Email(String subject, String text, String html) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private EmailTemplates() {
    }

    static Email render(NotifyEvent event, Map<String, String> params, String language, String link) {
        var bundle = ResourceBundle.getBundle("notify/emails", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        var values = new HashMap<>(params);
        String detail = params.get("detail");
        if (detail != null && event == NotifyEvent.CASE_STATUS_CHANGED && bundle.containsKey("status." + detail)) {
            values.put("detail", bundle.getString("status." + detail));
        }
        if (detail != null && event == NotifyEvent.HANDOFF_REQUESTED && bundle.containsKey("workstream." + detail)) {
            values.put("detail", bundle.getString("workstream." + detail));
        }
        String subject = fill(bundle.getString(event.code() + ".subject"), values);
        String body = fill(bundle.getString(event.code() + ".body"), values);
        String greeting = bundle.getString("greeting");
        String footer = bundle.getString("footer");
        String open = bundle.getString("open");
        String text = greeting + "\n\n" + body + "\n\n" + open + ": " + link + "\n\n-- \n" + footer + "\n";
        String html = """
                <!doctype html>
                <html lang="%s"><body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5">
                <p>%s</p>
                <p>%s</p>
                <p><a href="%s" style="color: #0f4c81; font-weight: 600">%s</a></p>
                <hr style="border: 0; border-top: 1px solid #d1d5db">
                <p style="font-size: 0.85em; color: #4b5563">%s</p>
                </body></html>
                """.formatted(language, escape(greeting), escape(body), escape(link), escape(open), escape(footer));
        return new Email(subject, text, html);
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String s) {
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
