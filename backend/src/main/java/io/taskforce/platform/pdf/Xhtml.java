package io.taskforce.platform.pdf;

/**
 * Building blocks for report documents: escaping of every value written into the XHTML, and the page frame (A4,
 * margins, a base font that carries French accents). Pure string work, no I/O.
 */
public final class Xhtml {

    private Xhtml() {
    }

    /** Escapes text for XHTML content and attribute values; null becomes empty. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // characters XML 1.0 forbids (controls other than tab, newline, return) would break the parser
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A complete document: title, extra CSS, and the body's (already escaped) markup. */
    public static String page(String language, String title, String css, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="%s">
                <head><meta charset="UTF-8"/><title>%s</title>
                <style>
                @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
                body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; color: #1b1f24; }
                h1 { font-size: 18pt; margin: 0 0 4mm 0; } h2 { font-size: 13pt; margin: 6mm 0 2mm 0; }
                table { width: 100%%; border-collapse: collapse; } th, td { text-align: left; padding: 1.5mm; border-bottom: 0.3pt solid #ccc; vertical-align: top; }
                th { background: #f0f2f5; }
                .muted { color: #666; }
                %s
                </style></head>
                <body>%s</body></html>
                """.formatted(escape(language), escape(title), css, body);
    }
}
