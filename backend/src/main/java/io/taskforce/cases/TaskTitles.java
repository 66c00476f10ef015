package io.taskforce.cases;

import java.util.Map;

/** The titles of the first-hour tasks triage proposes, in the task force's two languages. */
final class TaskTitles {

    private static final Map<String, String[]> TITLES = Map.ofEntries(
            Map.entry("qualifyBreach", t("Qualifier la violation de données (nature, volume, personnes concernées)",
                    "Qualify the data breach (nature, volume, people affected)")),
            Map.entry("draftCnilNotification", t("Rédiger la notification à la CNIL (72 h)", "Draft the CNIL notification (72 h)")),
            Map.entry("decideDataSubjects", t("Décider s'il faut informer les personnes concernées",
                    "Decide whether the data subjects must be told")),
            Map.entry("holdingStatement", t("Publier une déclaration d'attente dans l'heure", "Issue a holding statement within the hour")),
            Map.entry("captureEvidence", t("Constater les publications (captures horodatées)", "Capture evidence of the publications (timestamped)")),
            Map.entry("identifyAuthor", t("Identifier l'auteur des publications", "Identify the author of the publications")),
            Map.entry("listUrls", t("Lister les URL hostiles", "List the hostile URLs")),
            Map.entry("trackedQueries", t("Définir les requêtes de recherche à suivre", "Define the search queries to track")),
            Map.entry("hrCoordination", t("Coordonner avec les RH (procédure disciplinaire, prud'hommes)",
                    "Coordinate with HR (disciplinary procedure, labour court)")),
            Map.entry("commercialCourt", t("Étudier la voie du tribunal de commerce", "Assess the commercial court route")),
            Map.entry("crisisCell", t("Réunir la cellule de crise", "Convene the crisis cell")),
            Map.entry("stakeholderMap", t("Cartographier les parties prenantes", "Map the stakeholders")),
            Map.entry("regulatorContact", t("Prendre contact avec l'autorité de tutelle", "Contact the regulator")),
            Map.entry("logRumours", t("Consigner les rumeurs en circulation", "Log the rumours going round")),
            Map.entry("debunkFast", t("Démentir rapidement les fausses informations", "Debunk false claims fast")),
            Map.entry("legalReviewOfReplies", t("Faire relire les réponses par le juridique", "Have replies reviewed by LEGAL")),
            Map.entry("firstSerpSnapshot", t("Relever la première page de résultats", "Take the first search-results snapshot")),
            Map.entry("cleanupPlan", t("Établir le plan de nettoyage", "Draw up the cleanup plan")));

    private TaskTitles() {
    }

    /** The title in French ("fr") or English (any other language). */
    static String of(String code, String language) {
        String[] titles = TITLES.get(code);
        if (titles == null) {
            throw new IllegalArgumentException("no title for task " + code);
        }
        return "fr".equals(language) ? titles[0] : titles[1];
    }

    private static String[] t(String fr, String en) {
        return new String[]{fr, en};
    }
}
