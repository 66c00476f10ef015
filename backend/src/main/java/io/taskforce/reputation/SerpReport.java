package io.taskforce.reputation;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.platform.pdf.Xhtml;
import io.taskforce.reputation.ReputationViews.ClientActionView;
import io.taskforce.reputation.ReputationViews.QueryMetrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The progress report of a case for a period, as XHTML for {@link io.taskforce.platform.pdf.PdfRenderer}: per query
 * the chart and the figures of each snapshot, the out-of-crisis verdict, and the actions as the client sees them (no
 * internal notes). French or English. Pure: every value is escaped.
 */
final class SerpReport {

    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "fr", Map.ofEntries(Map.entry("title", "Rapport de progrès — résultats de recherche"),
                    Map.entry("period", "Période"), Map.entry("all", "depuis le début du suivi"),
                    Map.entry("date", "Date"), Map.entry("neg10", "Négatifs page 1"), Map.entry("neg20", "Négatifs pages 1–2"),
                    Map.entry("owned", "Part propre page 1"), Map.entry("visibility", "Visibilité négative"),
                    Map.entry("crisis", "En crise : les tiers dominent la première page."),
                    Map.entry("out", "Sortie de crise : ce que dit le client l'emporte en première page."),
                    Map.entry("clean", "Première page sans résultat négatif depuis le "), Map.entry("actions", "Actions de nettoyage"),
                    Map.entry("none", "Aucun relevé sur la période."), Map.entry("legend", "Rouge : négatifs page 1 ; orange : pages 1–2 ; vert : part propre (0–100 %)."),
                    Map.entry("due", "réponse attendue avant le "),
                    Map.entry("CONTENT", "Contenu publié"), Map.entry("DELISTING", "Déréférencement (RGPD art. 17)"),
                    Map.entry("TAKEDOWN", "Notification à un hébergeur"), Map.entry("REVIEW_REPLY", "Réponse à un avis"),
                    Map.entry("LEGAL_REFERRAL", "Transmis aux avocats"), Map.entry("PLANNED", "prévue"), Map.entry("SUBMITTED", "envoyée"),
                    Map.entry("ACCEPTED", "acceptée"), Map.entry("REJECTED", "refusée"), Map.entry("DONE", "terminée")),
            "en", Map.ofEntries(Map.entry("title", "Progress report — search results"),
                    Map.entry("period", "Period"), Map.entry("all", "since tracking began"),
                    Map.entry("date", "Date"), Map.entry("neg10", "Negatives page 1"), Map.entry("neg20", "Negatives pages 1–2"),
                    Map.entry("owned", "Owned share page 1"), Map.entry("visibility", "Negative visibility"),
                    Map.entry("crisis", "In crisis: third parties dominate page one."),
                    Map.entry("out", "Out of crisis: the client's own results outweigh the others on page one."),
                    Map.entry("clean", "Page one free of negatives since "), Map.entry("actions", "Cleanup actions"),
                    Map.entry("none", "No snapshot in the period."), Map.entry("legend", "Red: negatives page 1; orange: pages 1–2; green: owned share (0–100%)."),
                    Map.entry("due", "answer due by "),
                    Map.entry("CONTENT", "Content published"), Map.entry("DELISTING", "De-listing request (GDPR art. 17)"),
                    Map.entry("TAKEDOWN", "Takedown notice to a host"), Map.entry("REVIEW_REPLY", "Review reply"),
                    Map.entry("LEGAL_REFERRAL", "Referral to the lawyers"), Map.entry("PLANNED", "planned"), Map.entry("SUBMITTED", "submitted"),
                    Map.entry("ACCEPTED", "accepted"), Map.entry("REJECTED", "rejected"), Map.entry("DONE", "done")));

    private SerpReport() {
    }

    static String language(@Nullable String asked) {
        return "en".equals(asked) ? "en" : "fr";
    }

    static String xhtml(String lang, String caseTitle, @Nullable LocalDate from, @Nullable LocalDate to,
                        List<QueryMetrics> queries, List<ClientActionView> actions) {
        var w = WORDS.get(language(lang));
        var body = new StringBuilder();
        body.append("<h1>").append(Xhtml.escape(w.get("title"))).append("</h1>");
        body.append("<p><strong>").append(Xhtml.escape(caseTitle)).append("</strong><br/>").append(Xhtml.escape(w.get("period")))
                .append(" : ").append(from == null && to == null ? Xhtml.escape(w.get("all"))
                        : Xhtml.escape((from == null ? "…" : from.toString()) + " → " + (to == null ? "…" : to.toString())))
                .append("</p>");
        for (var q : queries) {
            body.append("<h2>").append(Xhtml.escape(q.query())).append(" <span class=\"muted\">(").append(Xhtml.escape(q.engine()))
                    .append(", ").append(Xhtml.escape(q.locale())).append(")</span></h2>");
            var snapshots = q.snapshots();
            if (snapshots.isEmpty()) {
                body.append("<p class=\"muted\">").append(Xhtml.escape(w.get("none"))).append("</p>");
                continue;
            }
            var last = snapshots.get(snapshots.size() - 1);
            body.append("<p>").append(Xhtml.escape(last.inCrisis() ? w.get("crisis") : w.get("out")));
            if (q.pageOneCleanSince() != null) {
                body.append(" ").append(Xhtml.escape(w.get("clean") + q.pageOneCleanSince()));
            }
            body.append("</p>").append(SerpChartSvg.of(snapshots, q.query()));
            body.append("<p class=\"muted\">").append(Xhtml.escape(w.get("legend"))).append("</p>");
            body.append("<table><tr><th>").append(Xhtml.escape(w.get("date"))).append("</th><th>").append(Xhtml.escape(w.get("neg10")))
                    .append("</th><th>").append(Xhtml.escape(w.get("neg20"))).append("</th><th>").append(Xhtml.escape(w.get("owned")))
                    .append("</th><th>").append(Xhtml.escape(w.get("visibility"))).append("</th></tr>");
            for (var s : snapshots) {
                body.append("<tr><td>").append(s.date()).append("</td><td>").append(s.negativesTop10()).append("</td><td>")
                        .append(s.negativesTop20()).append("</td><td>").append(percent(s.ownedShareTop10())).append("</td><td>")
                        .append(percent(s.negativeVisibility())).append("</td></tr>");
            }
            body.append("</table>");
        }
        if (!actions.isEmpty()) {
            body.append("<h2>").append(Xhtml.escape(w.get("actions"))).append("</h2><ul>");
            for (var a : actions) {
                body.append("<li>").append(Xhtml.escape(w.get(a.kind().name()))).append(" — ").append(Xhtml.escape(a.title()))
                        .append(" : ").append(Xhtml.escape(w.get(a.status().name())));
                if (a.answerDueOn() != null) {
                    body.append(" (").append(Xhtml.escape(w.get("due") + a.answerDueOn())).append(")");
                }
                body.append("</li>");
            }
            body.append("</ul>");
        }
        return Xhtml.page(language(lang), w.get("title"), "svg { margin: 2mm 0; }", body.toString());
    }

    private static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + " %";
    }
}
