package io.taskforce.messages.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message to people outside the company that never acknowledges those affected: no word of regret, apology,
 * understanding or support. Internal memos are left alone. The warning names no words: it is about what is missing.
 */
final class EmpathyRule implements CheckRule {

    private final Map<String, Phrases> byLanguage = Map.of(
            "fr", Phrases.of(List.of("désolé", "désolés", "désolée", "regrettons", "regrette", "excuses", "pensées",
                    "comprenons", "inquiétude", "solidarité", "soutien", "touchés", "touchées", "à vos côtés", "à l'écoute")),
            "en", Phrases.of(List.of("sorry", "regret", "apologise", "apologize", "apologies", "understand", "concern",
                    "thoughts", "support", "affected", "with you", "listening")));

    @Override
    public Optional<CheckWarning> check(CheckedText text) {
        var phrases = byLanguage.get(text.language());
        if (phrases == null || text.internal()) {
            return Optional.empty();
        }
        boolean empathy = phrases.foundIn(text.title()) || phrases.foundIn(text.body());
        return empathy ? Optional.empty() : Optional.of(new CheckWarning("no-empathy", List.of(), ""));
    }
}
