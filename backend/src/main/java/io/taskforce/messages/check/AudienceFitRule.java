package io.taskforce.messages.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * For a general-public audience (customers, employees, the public): a text too hard to read (reading ease below
 * {@value #HARD}, on texts long enough to score) or written in the trade's jargon — the weakness most noted in the
 * OVHcloud fire's first messages. Jargon words are highlighted; the score is given in the detail.
 */
final class AudienceFitRule implements CheckRule {

    static final int HARD = 50;
    /** Below this many words a reading-ease score says little. */
    static final int SCORED_FROM = 20;

    private final Map<String, Phrases> jargon = Map.of(
            "fr", Phrases.of(List.of("datacenter", "PRA", "PCA", "RPO", "RTO", "SLA", "redondance", "basculement",
                    "onduleur", "onduleurs", "baie", "baies", "cluster", "latence", "backbone", "failover", "synergie",
                    "périmètre", "asynchrone", "réplication", "hyperviseur")),
            "en", Phrases.of(List.of("datacenter", "DRP", "BCP", "RPO", "RTO", "SLA", "redundancy", "failover",
                    "UPS", "rack", "racks", "cluster", "latency", "backbone", "synergy", "scope", "asynchronous",
                    "replication", "hypervisor", "leverage")));

    @Override
    public Optional<CheckWarning> check(CheckedText text) {
        var words = jargon.get(text.language());
        if (words == null || !text.generalPublic()) {
            return Optional.empty();
        }
        var spans = new ArrayList<CheckWarning.Span>();
        text.fields().forEach(field -> spans.addAll(words.find(field)));
        var score = Readability.score(text.body(), text.language());
        boolean hard = score.words() >= SCORED_FROM && score.value() < HARD;
        if (spans.isEmpty() && !hard) {
            return Optional.empty();
        }
        var detail = score.words() >= SCORED_FROM ? String.format(Locale.ROOT, "%.0f", score.value()) : "";
        return Optional.of(new CheckWarning("audience-fit", spans, detail));
    }
}
