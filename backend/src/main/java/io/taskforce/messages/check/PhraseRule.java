package io.taskforce.messages.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fault recognised by its words: a warning naming every place one of the language's phrases appears. */
final class PhraseRule implements CheckRule {

    private final String code;
    private final Map<String, Phrases> byLanguage;

    PhraseRule(String code, List<String> french, List<String> english) {
        this.code = code;
        this.byLanguage = Map.of("fr", Phrases.of(french), "en", Phrases.of(english));
    }

    @Override
    public Optional<CheckWarning> check(CheckedText text) {
        var phrases = byLanguage.get(text.language());
        if (phrases == null) {
            return Optional.empty();
        }
        var spans = new ArrayList<CheckWarning.Span>();
        text.fields().forEach(field -> spans.addAll(phrases.find(field)));
        return spans.isEmpty() ? Optional.empty() : Optional.of(new CheckWarning(code, spans, ""));
    }
}
