package io.taskforce.messages.check;

import java.util.List;

/** What the check reads: the words of a revision and for whom they are meant. */
public record CheckedText(String title, String body, String language, boolean internal, boolean generalPublic) {

    List<Field> fields() {
        return List.of(new Field("title", title), new Field("body", body));
    }

    record Field(String name, String text) {
    }
}
