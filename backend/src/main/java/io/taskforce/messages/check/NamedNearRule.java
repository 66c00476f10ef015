package io.taskforce.messages.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name next to a kind of word, within one sentence: a person or a company beside an accusation (defamation risk),
 * or a person beside words of harm (naming victims). A name is two or more capitalised words in a row ("Bruno
 * Verdier"), or a capitalised word followed by a company form (SA, SAS, Ltd...). Both the name and the word are
 * highlighted.
 */
final class NamedNearRule implements CheckRule {

    private static final Pattern NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:de |du |van |von )?\\p{Lu}[\\p{L}'’-]+)+"
                    + "|\\p{Lu}[\\p{L}&-]*\\s+(?:SA|SAS|SARL|SE|Inc\\.?|Ltd|LLC|GmbH|plc)(?![\\p{L}])");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+");

    private final String code;
    private final Map<String, Phrases> byLanguage;

    NamedNearRule(String code, List<String> french, List<String> english) {
        this.code = code;
        this.byLanguage = Map.of("fr", Phrases.of(french), "en", Phrases.of(english));
    }

    static NamedNearRule defamation() {
        return new NamedNearRule("defamation-risk",
                List.of("fraude", "fraudeur", "escroc", "escroquerie", "menteur", "a menti", "mensonge", "voleur", "vol",
                        "corrompu", "corruption", "criminel", "coupable", "malhonnête", "sabotage", "a saboté", "manipulation"),
                List.of("fraud", "fraudster", "crook", "scam", "liar", "lied", "thief", "stole", "corrupt", "criminal",
                        "guilty", "dishonest", "sabotage", "sabotaged"));
    }

    static NamedNearRule namingVictims() {
        return new NamedNearRule("naming-victims",
                List.of("victime", "victimes", "blessé", "blessée", "blessés", "décédé", "décédée", "mort", "morte", "hospitalisé", "hospitalisée"),
                List.of("victim", "victims", "injured", "hurt", "died", "dead", "killed", "hospitalised", "hospitalized"));
    }

    @Override
    public Optional<CheckWarning> check(CheckedText text) {
        var words = byLanguage.get(text.language());
        if (words == null) {
            return Optional.empty();
        }
        var spans = new ArrayList<CheckWarning.Span>();
        for (var field : text.fields()) {
            var sentences = SENTENCE.matcher(field.text());
            while (sentences.find()) {
                var sentence = new CheckedText.Field(field.name(), field.text().substring(sentences.start(), sentences.end()));
                var names = names(sentence, sentences.start());
                var hits = words.find(sentence);
                if (!names.isEmpty() && !hits.isEmpty()) {
                    spans.addAll(names);
                    hits.forEach(h -> spans.add(new CheckWarning.Span(h.field(), h.start() + sentences.start(),
                            h.end() + sentences.start(), h.text())));
                }
            }
        }
        return spans.isEmpty() ? Optional.empty() : Optional.of(new CheckWarning(code, spans, ""));
    }

    private static List<CheckWarning.Span> names(CheckedText.Field sentence, int offset) {
        var spans = new ArrayList<CheckWarning.Span>();
        var matcher = NAME.matcher(sentence.text());
        while (matcher.find()) {
            spans.add(new CheckWarning.Span(sentence.name(), matcher.start() + offset, matcher.end() + offset, matcher.group()));
        }
        return spans;
    }
}
