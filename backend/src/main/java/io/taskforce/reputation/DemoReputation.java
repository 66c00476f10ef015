package io.taskforce.reputation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.taskforce.cases.CaseAccess;
import io.taskforce.identity.Caller;
import io.taskforce.identity.CurrentUser;
import io.taskforce.identity.Firm;
import io.taskforce.identity.Role;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The search results of the demo defamation campaign against Maison Verdier's director (seeded by the cases
 * package's demo): three tracked queries, six snapshots each, and the cleanup actions that made the negatives leave
 * page one. Written through {@link ReputationService} and {@link CleanupService} as the demo specialist, so the audit
 * chain holds it and the rules apply: a URL is classified on its first appearance only, later snapshots take what the
 * case remembers. Only with {@code taskforce.demo.enabled}; skipped once the case tracks a query.
 *
 * <p>The snapshots are four days apart, the last one today: the campaign's first publication is three weeks before
 * the demo's start, and a result cannot be measured before it existed.
 */
@Singleton
@Requires(property = "taskforce.demo.enabled", value = "true")
@Order(200) // after DemoCases (order 100): the case must exist
class DemoReputation {

    static final UUID VERDIER = UUID.fromString("fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a");
    static final String CASE_TITLE = "Campagne de dénigrement contre notre directeur général";
    static final int SNAPSHOTS = 6;
    static final int DAYS_APART = 4;

    private static final Logger LOG = LoggerFactory.getLogger(DemoReputation.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Caller SPECIALIST = new Caller(new CurrentUser("7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5",
            "reputation", "Rémi Lefèvre", List.of(Role.REPUTATION_SPECIALIST),
            Firm.ofRoles(List.of(Role.REPUTATION_SPECIALIST)).orElse(null), null), null, "taskforce-demo-seed", null);

    /** A search result as the specialist classifies it on its first appearance. */
    record Page(String url, String title, Ownership ownership, Tone tone) {
    }

    private static final Page HOME = owned("https://www.maison-verdier.test/", "Maison Verdier – traiteur lyonnais depuis 1962", Tone.POSITIVE);
    private static final Page HISTORY = owned("https://www.maison-verdier.test/notre-histoire", "Notre histoire – Maison Verdier", Tone.POSITIVE);
    private static final Page QUALITY = owned("https://www.maison-verdier.test/engagements-qualite", "Nos engagements qualité et traçabilité", Tone.POSITIVE);
    private static final Page STATEMENT = owned("https://www.maison-verdier.test/actualites/mise-au-point", "Mise au point de la direction générale", Tone.NEUTRAL);
    private static final Page FAQ = owned("https://www.maison-verdier.test/faq/rumeurs", "Rumeurs de fraude : nos réponses, documents à l’appui", Tone.NEUTRAL);
    private static final Page JOBS = owned("https://www.maison-verdier.test/recrutement", "Rejoindre Maison Verdier – offres d’emploi", Tone.POSITIVE);
    private static final Page COMPANY_PAGE = owned("https://fr.linkedin.test/company/maison-verdier", "Maison Verdier | LinkedIn", Tone.NEUTRAL);
    private static final Page CEO_PAGE = owned("https://fr.linkedin.test/in/bruno-verdier", "Bruno Verdier – Directeur général – Maison Verdier | LinkedIn", Tone.NEUTRAL);
    private static final Page VIDEO = owned("https://www.youtube.test/watch?v=verdier-atelier", "Dans l’atelier de Maison Verdier avec Bruno Verdier", Tone.POSITIVE);
    private static final Page REGISTRY = other("https://www.societe.test/societe/maison-verdier", "MAISON VERDIER (Lyon) : chiffre d’affaires, bilan, dirigeants", Tone.NEUTRAL);
    private static final Page DIRECTOR = other("https://www.societe.test/dirigeant/bruno-verdier", "Bruno Verdier – dirigeant de MAISON VERDIER", Tone.NEUTRAL);
    private static final Page DIRECTORY = other("https://www.pagesjaunes.test/pros/maison-verdier", "Maison Verdier, traiteur à Lyon – adresse, horaires", Tone.NEUTRAL);
    private static final Page WIKI = other("https://fr.wikipedia.test/wiki/Maison_Verdier", "Maison Verdier — Wikipédia", Tone.NEUTRAL);
    private static final Page ANNIVERSARY = other("https://www.leprogres.test/economie/maison-verdier-fete-ses-60-ans", "Maison Verdier fête ses 60 ans et embauche", Tone.POSITIVE);
    private static final Page DENOUNCES = other("https://www.leprogres.test/faits-divers/maison-verdier-denonce-une-campagne-de-denigrement", "Maison Verdier dénonce une campagne de dénigrement et porte plainte", Tone.NEUTRAL);
    private static final Page INTERVIEW = other("https://www.lsa-conso.test/entretien-bruno-verdier", "Bruno Verdier : « Nous ne laisserons pas salir soixante ans de travail »", Tone.POSITIVE);
    private static final Page PORTRAIT = other("https://www.lyon-entreprises.test/portrait-bruno-verdier", "Portrait : Bruno Verdier, l’héritier qui a modernisé la maison", Tone.POSITIVE);
    private static final Page NAMESAKE = other("https://www.architectes-nantes.test/bruno-verdier", "Bruno Verdier, architecte DPLG à Nantes", Tone.NEUTRAL);
    private static final Page REVIEWS = other("https://fr.trustpilot.test/review/maison-verdier.test", "Avis sur Maison Verdier | Lisez les avis clients", Tone.NEUTRAL);
    private static final Page BLOG = other("https://blog-anonyme.test/verdier-fraude", "Bruno Verdier : la fraude que Maison Verdier veut cacher", Tone.NEGATIVE);
    private static final Page FORUM = other("https://forum.test/t/maison-verdier", "Maison Verdier arnaque ? Témoignages d’anciens salariés", Tone.NEGATIVE);
    private static final Page SCAM_SITE = other("https://www.signal-arnaques.test/maison-verdier", "Maison Verdier : 14 signalements d’arnaque", Tone.NEGATIVE);
    private static final Page PRESS = other("https://www.actu-lyon.test/le-patron-de-maison-verdier-accuse-de-fraude", "Le patron de Maison Verdier accusé de fraude par un ancien salarié", Tone.NEGATIVE);
    private static final Page ACCOUNT = other("https://x.test/verite_verdier", "La vérité sur Verdier (@verite_verdier)", Tone.NEGATIVE);

    /**
     * Where a page ranks on the first and on the last snapshot, and between which snapshots it shows (0-based,
     * inclusive): ranks in between are interpolated, and each snapshot lists its pages by rank. New owned content
     * climbs, the campaign's pages sink, a de-listed or removed page leaves.
     */
    record Placement(Page page, double firstRank, double lastRank, int from, int until) {

        double rankAt(int snapshot) {
            return firstRank + (lastRank - firstRank) * snapshot / (SNAPSHOTS - 1);
        }

        boolean shownAt(int snapshot) {
            return snapshot >= from && snapshot <= until;
        }
    }

    /** A tracked query, its target date (days from today, none when null) and its pages. */
    record Tracked(String query, Integer targetInDays, List<Placement> placements) {
    }

    static final List<Tracked> QUERIES = List.of(
            new Tracked("maison verdier", 45, List.of(
                    always(HOME, 1, 1), always(REGISTRY, 2, 4), always(FORUM, 3, 12), always(COMPANY_PAGE, 4, 3),
                    always(SCAM_SITE, 5, 14), always(PRESS, 6, 11.5), always(DIRECTORY, 7, 9), always(BLOG, 8, 13),
                    always(WIKI, 9, 8), always(ANNIVERSARY, 10, 10), always(REVIEWS, 11, 15),
                    from(1, QUALITY, 12, 2), from(1, STATEMENT, 13, 5), from(2, VIDEO, 16, 6),
                    always(HISTORY, 15, 7), always(JOBS, 17, 16))),
            new Tracked("maison verdier arnaque", null, List.of(
                    always(FORUM, 1, 6), always(SCAM_SITE, 2, 9), always(BLOG, 3, 12), always(PRESS, 4, 11),
                    always(REVIEWS, 5, 4), new Placement(ACCOUNT, 6, 14, 0, 2), always(REGISTRY, 7, 8),
                    always(HOME, 8, 3), from(1, STATEMENT, 9, 1), from(1, QUALITY, 10, 2), from(2, DENOUNCES, 11, 7),
                    from(2, FAQ, 12, 5), always(COMPANY_PAGE, 13, 10))),
            new Tracked("bruno verdier", 60, List.of(
                    new Placement(BLOG, 1, 3, 0, 3), always(CEO_PAGE, 2, 1), always(PRESS, 3, 9),
                    new Placement(ACCOUNT, 4, 12, 0, 2), always(DIRECTOR, 5, 5), always(ANNIVERSARY, 6, 6),
                    always(HOME, 7, 4), always(PORTRAIT, 7.5, 9.5), always(FORUM, 8, 13), always(NAMESAKE, 9, 10),
                    from(1, STATEMENT, 10, 8), from(2, INTERVIEW, 11, 2), from(2, VIDEO, 12, 3))));

    private final CaseAccess access;
    private final SerpStore store;
    private final ReputationService reputation;
    private final CleanupService cleanup;

    DemoReputation(CaseAccess access, SerpStore store, ReputationService reputation, CleanupService cleanup) {
        this.access = access;
        this.store = store;
        this.reputation = reputation;
        this.cleanup = cleanup;
    }

    @EventListener
    void seed(StartupEvent event) {
        var caseId = access.readAcross(SPECIALIST, () -> store.caseOfTitle(VERDIER, CASE_TITLE));
        if (caseId.isEmpty()) {
            LOG.warn("No demo search results: the demo case \"{}\" was not found", CASE_TITLE);
            return;
        }
        if (!reputation.queries(SPECIALIST, caseId.get()).isEmpty()) {
            return;
        }
        var today = LocalDate.now(PARIS);
        for (var tracked : QUERIES) {
            track(caseId.get(), tracked, today);
        }
        plan(caseId.get(), today);
    }

    private void track(UUID caseId, Tracked tracked, LocalDate today) {
        var query = reputation.createQuery(SPECIALIST, caseId, new ReputationRequests.NewQuery(tracked.query(), null, null,
                tracked.targetInDays() == null ? null : today.plusDays(tracked.targetInDays())));
        var classified = new HashSet<String>();
        for (int i = 0; i < SNAPSHOTS; i++) {
            var date = today.minusDays((long) DAYS_APART * (SNAPSHOTS - 1 - i));
            var results = new ArrayList<ReputationRequests.NewResult>();
            for (var page : ranked(tracked.placements(), i)) {
                boolean first = classified.add(page.url());
                results.add(new ReputationRequests.NewResult(results.size() + 1, page.url(), page.title(),
                        first ? page.ownership() : null, first ? page.tone() : null));
            }
            reputation.addSnapshot(SPECIALIST, caseId, new ReputationRequests.NewSnapshot(query.id(), date, results));
        }
    }

    /** The pages a snapshot shows, by rank (the first placed wins a tie), at most the top 20. */
    static List<Page> ranked(List<Placement> placements, int snapshot) {
        return placements.stream().filter(p -> p.shownAt(snapshot))
                .sorted(Comparator.comparingDouble(p -> p.rankAt(snapshot))).limit(20).map(Placement::page).toList();
    }

    /** Actions in each state, sent on dates that match when their pages moved. */
    private void plan(UUID caseId, LocalDate today) {
        act(caseId, CleanupKind.CONTENT, "Publication de la mise au point et de la page « Nos engagements qualité »",
                List.of(FORUM.url(), SCAM_SITE.url()), "Textes relus par Claire (communication) et validés par la direction.",
                today.minusDays(19), CleanupStatus.ACCEPTED, CleanupStatus.DONE);
        act(caseId, CleanupKind.DELISTING, "Déréférencement du billet anonyme sur la requête « bruno verdier »",
                List.of(BLOG.url()), "Formulaire Google de suppression de résultats ; allégations de fraude non étayées, "
                        + "personne physique nommée.", today.minusDays(16), CleanupStatus.ACCEPTED);
        act(caseId, CleanupKind.TAKEDOWN, "Notification LCEN à l’hébergeur du compte @verite_verdier",
                List.of(ACCOUNT.url()), "Contenus manifestement diffamatoires signalés avec les captures du constat.",
                today.minusDays(13), CleanupStatus.ACCEPTED, CleanupStatus.DONE);
        act(caseId, CleanupKind.TAKEDOWN, "Demande de retrait à l’éditeur du forum (fil « Maison Verdier arnaque ? »)",
                List.of(FORUM.url()), "L’éditeur refuse : il invoque la liberté d’expression. À reprendre avec l’avocate.",
                today.minusDays(9), CleanupStatus.REJECTED);
        act(caseId, CleanupKind.REVIEW_REPLY, "Réponses publiques aux avis Trustpilot qui reprennent les accusations",
                List.of(REVIEWS.url()), "Ton factuel, renvoi vers la FAQ ; pas de débat sur le fond.",
                today.minusDays(6));
        act(caseId, CleanupKind.LEGAL_REFERRAL, "Droit de réponse à Actu Lyon (loi du 29 juillet 1881, art. 13)",
                List.of(PRESS.url()), "À faire signer par Louise Garnier ; délai de trois mois depuis la publication.", null);
    }

    /** Plans an action, sends it on {@code sentOn} (kept planned when null), then moves it through {@code then}. */
    private void act(UUID caseId, CleanupKind kind, String title, List<String> urls, String note, LocalDate sentOn,
                     CleanupStatus... then) {
        var action = cleanup.create(SPECIALIST, caseId, new ReputationRequests.NewAction(kind, title, urls, note));
        if (sentOn == null) {
            return;
        }
        cleanup.move(SPECIALIST, caseId, action.id(), new ReputationRequests.ActionMove(CleanupStatus.SUBMITTED, sentOn, null));
        for (var status : then) {
            cleanup.move(SPECIALIST, caseId, action.id(), new ReputationRequests.ActionMove(status, null, null));
        }
    }

    private static Placement always(Page page, double firstRank, double lastRank) {
        return new Placement(page, firstRank, lastRank, 0, SNAPSHOTS - 1);
    }

    private static Placement from(int snapshot, Page page, double firstRank, double lastRank) {
        return new Placement(page, firstRank, lastRank, snapshot, SNAPSHOTS - 1);
    }

    private static Page owned(String url, String title, Tone tone) {
        return new Page(url, title, Ownership.OWNED, tone);
    }

    private static Page other(String url, String title, Tone tone) {
        return new Page(url, title, Ownership.THIRD_PARTY, tone);
    }
}
