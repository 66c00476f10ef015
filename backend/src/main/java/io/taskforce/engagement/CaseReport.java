package io.taskforce.engagement;

import io.taskforce.platform.pdf.Xhtml;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The case report as an XHTML document, in the tenant's language: pure string work over {@link ReportData}, every
 * value escaped. The client's version holds the summary, the workstreams' progress and the public timeline only:
 * its data never carries triage details, team, stakeholders, tasks or rumours, and this class prints no section
 * for what it was not given.
 */
final class CaseReport {

    private CaseReport() {
    }

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("report", new String[]{"Rapport de crise", "Crisis report"}),
            Map.entry("clientVersion", new String[]{"Version client", "Client version"}),
            Map.entry("staffVersion", new String[]{"Version équipe — document interne", "Team version — internal document"}),
            Map.entry("generated", new String[]{"Généré le", "Generated on"}),
            Map.entry("summary", new String[]{"Résumé", "Summary"}),
            Map.entry("status", new String[]{"Statut", "Status"}),
            Map.entry("phase", new String[]{"Phase", "Phase"}),
            Map.entry("triage", new String[]{"Qualification", "Triage"}),
            Map.entry("types", new String[]{"Types de crise", "Crisis types"}),
            Map.entry("severity", new String[]{"Gravité", "Severity"}),
            Map.entry("kinetics", new String[]{"Cinétique", "Kinetics"}),
            Map.entry("triagedAt", new String[]{"Qualifié le", "Triaged on"}),
            Map.entry("team", new String[]{"Équipe", "Team"}),
            Map.entry("lead", new String[]{"responsable", "lead"}),
            Map.entry("progress", new String[]{"Avancement des pôles", "Workstream progress"}),
            Map.entry("tasksDone", new String[]{"tâches terminées", "tasks done"}),
            Map.entry("timeline", new String[]{"Main courante", "Running log"}),
            Map.entry("timelinePublic", new String[]{"Chronologie", "Timeline"}),
            Map.entry("when", new String[]{"Quand", "When"}),
            Map.entry("what", new String[]{"Quoi", "What"}),
            Map.entry("who", new String[]{"Qui", "Who"}),
            Map.entry("stakeholders", new String[]{"Parties prenantes", "Stakeholders"}),
            Map.entry("name", new String[]{"Nom", "Name"}),
            Map.entry("quadrant", new String[]{"Stratégie", "Strategy"}),
            Map.entry("informed", new String[]{"Informée", "Informed"}),
            Map.entry("no", new String[]{"non", "no"}),
            Map.entry("tasks", new String[]{"Tâches", "Tasks"}),
            Map.entry("rumours", new String[]{"Rumeurs ouvertes", "Open rumours"}),
            Map.entry("firstSeen", new String[]{"Vue le", "First seen"}),
            Map.entry("reach", new String[]{"Portée estimée", "Estimated reach"}),
            Map.entry("none", new String[]{"Aucun élément.", "Nothing."}),
            Map.entry("public", new String[]{"public", "public"}),
            Map.entry("message", new String[]{"Message publié", "Published message"}),
            Map.entry("MANAGE_CLOSELY", new String[]{"Gérer de près", "Manage closely"}),
            Map.entry("KEEP_SATISFIED", new String[]{"Satisfaire", "Keep satisfied"}),
            Map.entry("KEEP_INFORMED", new String[]{"Tenir informée", "Keep informed"}),
            Map.entry("MONITOR", new String[]{"Surveiller", "Monitor"}),
            Map.entry("OPEN", new String[]{"à faire", "open"}),
            Map.entry("IN_PROGRESS", new String[]{"en cours", "in progress"}),
            Map.entry("DONE", new String[]{"terminée", "done"}),
            Map.entry("CANCELLED", new String[]{"annulée", "cancelled"}),
            Map.entry("FAST", new String[]{"rapide (explosion)", "fast (explosion)"}),
            Map.entry("SLOW", new String[]{"lente (larvée)", "slow (smouldering)"}));

    static String xhtml(ReportData d) {
        Function<String, String> w = key -> word(key, d.language());
        var zone = ZoneId.of("Europe/Paris");
        var when = DateTimeFormatter.ofPattern("en".equals(d.language()) ? "d MMM yyyy HH:mm" : "d MMM yyyy 'à' HH:mm",
                Locale.forLanguageTag(d.language())).withZone(zone);
        var b = new StringBuilder();
        b.append("<h1>").append(e(w.apply("report"))).append(" — ").append(e(d.title())).append("</h1>");
        b.append("<p class=\"muted\">").append(e(d.tenantName())).append(" · ")
                .append(e(w.apply(d.forClient() ? "clientVersion" : "staffVersion"))).append(" · ")
                .append(e(w.apply("generated"))).append(' ').append(e(when.format(d.generatedAt()))).append("</p>");

        b.append("<h2>").append(e(w.apply("summary"))).append("</h2><p>").append(e(d.summary())).append("</p>");
        b.append("<p>").append(e(w.apply("status"))).append(" : <b>").append(e(label(d.status(), d.language()))).append("</b>");
        if (d.phase() != null) {
            b.append(" · ").append(e(w.apply("phase"))).append(" : <b>").append(e(label(d.phase(), d.language()))).append("</b>");
        }
        b.append("</p>");

        if (!d.forClient()) {
            b.append("<h2>").append(e(w.apply("triage"))).append("</h2><table>");
            row(b, w.apply("types"), String.join(", ", d.crisisTypes().stream().map(t -> label(t, d.language())).toList()));
            row(b, w.apply("severity"), d.severity() == null ? "—" : d.severity() + " / 4");
            row(b, w.apply("kinetics"), d.kinetics() == null ? "—" : w.apply(d.kinetics()));
            row(b, w.apply("triagedAt"), d.triagedAt() == null ? "—" : when.format(d.triagedAt()));
            b.append("</table>");

            b.append("<h2>").append(e(w.apply("team"))).append("</h2>");
            list(b, d.team(), m -> e(m.name()) + " — " + e(label(m.workstream(), d.language()))
                    + (m.lead() ? " (" + e(w.apply("lead")) + ")" : ""), w.apply("none"));
        }

        b.append("<h2>").append(e(w.apply("progress"))).append("</h2>");
        list(b, d.progress(), p -> e(label(p.workstream(), d.language())) + " : " + p.done() + " / " + p.total() + " "
                + e(w.apply("tasksDone")), w.apply("none"));

        b.append("<h2>").append(e(w.apply(d.forClient() ? "timelinePublic" : "timeline"))).append("</h2>");
        if (d.timeline().isEmpty()) {
            b.append("<p class=\"muted\">").append(e(w.apply("none"))).append("</p>");
        } else {
            b.append("<table><tr><th>").append(e(w.apply("when"))).append("</th><th>").append(e(w.apply("what")))
                    .append("</th>").append(d.forClient() ? "" : "<th>" + e(w.apply("who")) + "</th>").append("</tr>");
            for (var entry : d.timeline()) {
                b.append("<tr><td class=\"when\">").append(e(when.format(entry.occurredAt()))).append("</td><td>")
                        .append(e(entry.text()));
                if (entry.messageTitle() != null) {
                    b.append("<br/><span class=\"muted\">").append(e(w.apply("message"))).append(" : « ")
                            .append(e(entry.messageTitle())).append(" »</span>");
                }
                if (!d.forClient() && entry.isPublic()) {
                    b.append(" <span class=\"tag\">").append(e(w.apply("public"))).append("</span>");
                }
                b.append("</td>");
                if (!d.forClient()) {
                    b.append("<td>").append(e(entry.authorName())).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</table>");
        }

        if (!d.forClient()) {
            b.append("<h2>").append(e(w.apply("stakeholders"))).append("</h2>");
            if (d.stakeholders().isEmpty()) {
                b.append("<p class=\"muted\">").append(e(w.apply("none"))).append("</p>");
            } else {
                b.append("<table><tr><th>").append(e(w.apply("name"))).append("</th><th>P / I</th><th>")
                        .append(e(w.apply("quadrant"))).append("</th><th>").append(e(w.apply("informed"))).append("</th></tr>");
                for (var s : d.stakeholders()) {
                    b.append("<tr><td>").append(e(s.name())).append("</td><td>").append(s.power()).append(" / ")
                            .append(s.interest()).append("</td><td>").append(e(w.apply(s.quadrant().name())))
                            .append("</td><td>").append(s.informedAt() == null ? e(w.apply("no"))
                                    : e(when.format(s.informedAt())) + (s.informedByName() == null ? "" : " — " + e(s.informedByName())))
                            .append("</td></tr>");
                }
                b.append("</table>");
            }

            b.append("<h2>").append(e(w.apply("tasks"))).append("</h2>");
            list(b, d.tasks(), t -> e(t.title()) + " — " + e(label(t.workstream(), d.language())) + ", "
                    + e(w.apply(t.status())) + (t.assignee() == null ? "" : ", " + e(t.assignee())), w.apply("none"));

            b.append("<h2>").append(e(w.apply("rumours"))).append("</h2>");
            list(b, d.openRumours(), r -> "« " + e(r.claim()) + " » — " + e(w.apply("firstSeen")) + " "
                    + e(when.format(r.firstSeenAt())) + (r.reach() == null ? "" : ", " + e(w.apply("reach")) + " " + r.reach())
                    + (r.sourceUrl() == null ? "" : " — " + e(r.sourceUrl())), w.apply("none"));
        }
        return Xhtml.page(d.language(), w.apply("report") + " — " + d.title(),
                ".when { white-space: nowrap; width: 30mm; } .tag { font-size: 7pt; color: #2e6b30; border: 0.3pt solid #2e6b30; padding: 0 1mm; }",
                b.toString());
    }

    private static <T> void list(StringBuilder b, List<T> items, Function<T, String> line, String none) {
        if (items.isEmpty()) {
            b.append("<p class=\"muted\">").append(e(none)).append("</p>");
            return;
        }
        b.append("<ul>");
        items.forEach(i -> b.append("<li>").append(line.apply(i)).append("</li>"));
        b.append("</ul>");
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("<tr><th>").append(e(name)).append("</th><td>").append(e(value)).append("</td></tr>");
    }

    private static String word(String key, String language) {
        var pair = WORDS.get(key);
        return pair == null ? key : pair["en".equals(language) ? 1 : 0];
    }

    private static String label(String code, String language) {
        return StoryTexts.label(code, language);
    }

    private static String e(Object value) {
        return Xhtml.escape(value);
    }

}
