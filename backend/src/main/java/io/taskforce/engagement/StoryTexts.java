package io.taskforce.engagement;

import io.taskforce.cases.CaseStory;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of the running log's automatic entries, in French or English: pure string work, so the stored text (in
 * the tenant's language, for search and the report) and the front end's own rendering say the same thing.
 */
final class StoryTexts {

    private StoryTexts() {
    }

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("NEW", new String[]{"nouveau", "new"}),
            Map.entry("TRIAGED", new String[]{"qualifié", "triaged"}),
            Map.entry("ACTIVE", new String[]{"actif", "active"}),
            Map.entry("MONITORING", new String[]{"sous surveillance", "monitoring"}),
            Map.entry("CLOSED", new String[]{"clos", "closed"}),
            Map.entry("PEACETIME", new String[]{"temps de paix", "peacetime"}),
            Map.entry("HOT", new String[]{"crise chaude", "hot crisis"}),
            Map.entry("AFTERMATH", new String[]{"après-crise", "aftermath"}),
            Map.entry("COMMUNICATION", new String[]{"communication", "communication"}),
            Map.entry("LEGAL", new String[]{"juridique", "legal"}),
            Map.entry("REPUTATION", new String[]{"e-réputation", "reputation"}),
            Map.entry("DATA_BREACH", new String[]{"violation de données", "data breach"}),
            Map.entry("DEFAMATION", new String[]{"diffamation", "defamation"}),
            Map.entry("DISCRIMINATORY_DEFAMATION", new String[]{"diffamation discriminatoire", "discriminatory defamation"}),
            Map.entry("DENIGRATION", new String[]{"dénigrement", "denigration"}),
            Map.entry("INDUSTRIAL_ACCIDENT", new String[]{"accident industriel", "industrial accident"}),
            Map.entry("PRODUCT_SAFETY", new String[]{"sécurité produit", "product safety"}),
            Map.entry("OUTAGE", new String[]{"panne", "outage"}),
            Map.entry("BAD_BUZZ", new String[]{"bad buzz", "bad buzz"}),
            Map.entry("LEGACY_SEARCH_RESULTS", new String[]{"résultats de recherche anciens", "legacy search results"}));

    static String label(String code, String language) {
        var l = LABELS.get(code);
        return l == null ? code : l["en".equals(language) ? 1 : 0];
    }

    private static String labels(String codes, String language) {
        return Arrays.stream(codes.split(",")).filter(s -> !s.isBlank()).map(c -> label(c, language))
                .collect(Collectors.joining(", "));
    }

    static String of(CaseStory.Kind kind, Map<String, String> p, String language) {
        boolean en = "en".equals(language);
        return switch (kind) {
            case TRIAGED -> en
                    ? "Case triaged: " + labels(p.get("crisisTypes"), language) + ", severity " + p.get("severity") + ", "
                      + label(p.get("phase"), language) + "; workstreams " + labels(p.get("workstreams"), language) + "."
                    : "Dossier qualifié : " + labels(p.get("crisisTypes"), language) + ", gravité " + p.get("severity") + ", "
                      + label(p.get("phase"), language) + " ; pôles " + labels(p.get("workstreams"), language) + ".";
            case MEMBER_ADDED -> (en ? "%s joined the team (%s%s)." : "%s rejoint l'équipe (%s%s).")
                    .formatted(p.get("member"), label(p.get("workstream"), language), lead(p, en));
            case MEMBER_CHANGED -> (en ? "%s now works on %s%s." : "%s travaille désormais sur le pôle %s%s.")
                    .formatted(p.get("member"), label(p.get("workstream"), language), lead(p, en));
            case MEMBER_REMOVED -> (en ? "%s left the team (%s)." : "%s quitte l'équipe (%s).")
                    .formatted(p.get("member"), label(p.get("workstream"), language));
            case STATUS_CHANGED -> (en ? "Status changed from %s to %s." : "Statut passé de « %s » à « %s ».")
                    .formatted(label(p.get("from"), language), label(p.get("to"), language));
            case PHASE_CHANGED -> (en ? "Phase changed from %s to %s." : "Phase passée de « %s » à « %s ».")
                    .formatted(label(p.get("from"), language), label(p.get("to"), language));
        };
    }

    private static String lead(Map<String, String> p, boolean en) {
        return "true".equals(p.get("lead")) ? (en ? ", lead" : ", responsable") : "";
    }
}
