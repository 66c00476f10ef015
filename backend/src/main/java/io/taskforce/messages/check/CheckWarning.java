package io.taskforce.messages.check;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One warning of the message check: the rule's code (the UI explains it in one sentence, in the reader's language),
 * the words that triggered it, and for measures such as readability the figure behind it.
 */
@Serdeable
public record CheckWarning(String rule, List<Span> spans, String detail) {

    public CheckWarning {
        spans = List.copyOf(spans);
    }

    /** Characters {@code [start, end)} of the title or the body. */
    @Serdeable
    public record Span(String field, int start, int end, String text) {
    }
}
