package io.taskforce.cases;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.taskforce.identity.Caller;
import io.taskforce.identity.CurrentUser;
import io.taskforce.identity.Firm;
import io.taskforce.identity.Role;
import io.taskforce.identity.UserAccountRepository;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Demo cases drawn from the reference articles, created through the same services as a person would (so the
 * audit chains hold them): Helio Cloud's datacenter fire, and for Maison Verdier a product recall and a
 * defamation campaign against its director. The demo people's ids are fixed in the dev realm
 * ({@code deploy/keycloak/taskforce-realm.dev.json}). Only with {@code taskforce.demo.enabled}; once per database.
 */
@Singleton
@Requires(property = "taskforce.demo.enabled", value = "true")
@Order(100) // after DemoTenants (order 0): the cases belong to its tenants
class DemoCases {

    static final UUID HELIO = UUID.fromString("b094b75d-873d-4f54-9892-afd58263330a");
    static final UUID VERDIER = UUID.fromString("fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a");

    private static final Caller CONSULTANT = caller("5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3", "consultant", "Claire", "Morel", Role.CONSULTANT, null);
    private static final Caller LAWYER = caller("6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4", "lawyer", "Louise", "Garnier", Role.LAWYER, null);
    private static final Caller REPUTATION = caller("7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5", "reputation", "Rémi", "Lefèvre", Role.REPUTATION_SPECIALIST, null);
    private static final Caller CLIENT_A = caller("8f3d4e5b-6a7c-4d8e-9f90-a1b2c3d4e5f6", "client-a", "Antoine", "Roux", Role.CLIENT, HELIO);
    private static final Caller CLIENT_B = caller("903e4f5c-7b8d-4e9f-8a01-b2c3d4e5f607", "client-b", "Béatrice", "Vidal", Role.CLIENT, VERDIER);

    private final CaseService cases;
    private final TriageService triage;
    private final TeamService team;
    private final TaskService tasks;
    private final CaseAccess access;
    private final CaseFileRepository caseFiles;
    private final UserAccountRepository users;

    DemoCases(CaseService cases, TriageService triage, TeamService team, TaskService tasks, CaseAccess access,
              CaseFileRepository caseFiles, UserAccountRepository users) {
        this.cases = cases;
        this.triage = triage;
        this.team = team;
        this.tasks = tasks;
        this.access = access;
        this.caseFiles = caseFiles;
        this.users = users;
    }

    @EventListener
    void seed(StartupEvent event) {
        for (Caller person : List.of(CONSULTANT, LAWYER, REPUTATION, CLIENT_A, CLIENT_B)) {
            var u = person.user();
            users.register(person.userId(), u.username(), u.username() + "@demo.taskforce.test", u.name().split(" ")[0],
                    u.name().split(" ")[1], u.roles().get(0));
        }
        if (!access.readAcross(CLIENT_A, () -> caseFiles.findOfTenant(CLIENT_A.user().tenantId(), null, null, 1)).isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        datacenterFire(now);
        productRecall(now);
        defamationCampaign(now);
    }

    private void datacenterFire(Instant now) {
        var fire = (ClientCaseView) cases.report(CLIENT_A, new CaseRequests.NewCase(null,
                "Incendie du datacenter de Strasbourg (SBG2)",
                "Un incendie s'est déclaré cette nuit dans le bâtiment SBG2 ; SBG1 est partiellement touché. Des milliers "
                        + "de sites clients sont hors ligne, certaines sauvegardes étaient stockées sur place : des données "
                        + "personnelles de clients pourraient être perdues. Clients, hébergés et régulateur (CNIL) à informer.",
                now.minus(Duration.ofHours(30)), List.of("https://status.helio-cloud.test/incident/sbg2"), true, false,
                null, SuspectedAuthor.NONE));
        confirmTriage(fire.id(), List.of(CrisisType.OUTAGE, CrisisType.DATA_BREACH), Kinetics.FAST);
        team.put(CONSULTANT, fire.id(), new CaseRequests.TeamChange(LAWYER.userId(), Workstream.LEGAL, true));
        cases.changeStatus(CONSULTANT, fire.id(), new CaseRequests.StatusChange(CaseStatus.ACTIVE, "Cellule de crise réunie"));
        tasks.list(CONSULTANT, fire.id()).stream().filter(t -> t.workstream() == Workstream.COMMUNICATION).limit(2)
                .forEach(t -> tasks.update(CONSULTANT, t.id(), new CaseRequests.TaskChanges(TaskStatus.DONE, null, null, null)));
    }

    private void productRecall(Instant now) {
        var recall = (CaseView) cases.report(CONSULTANT, new CaseRequests.NewCase(VERDIER,
                "Rappel des lasagnes « Tradition » : viande de cheval détectée",
                "Des analyses ont détecté de la viande de cheval dans des lasagnes vendues comme pur bœuf. Rappel des lots "
                        + "en cours, la DGCCRF est saisie ; la presse nationale appelle depuis ce matin.",
                now.minus(Duration.ofHours(6)), List.of("https://www.maison-verdier.test/rappel-produits"), false, false,
                null, SuspectedAuthor.UNKNOWN));
        confirmTriage(recall.id(), List.of(CrisisType.PRODUCT_SAFETY), Kinetics.FAST);
        team.put(CONSULTANT, recall.id(), new CaseRequests.TeamChange(LAWYER.userId(), Workstream.LEGAL, true));
        cases.changeStatus(CONSULTANT, recall.id(), new CaseRequests.StatusChange(CaseStatus.ACTIVE, null));
    }

    private void defamationCampaign(Instant now) {
        var campaign = (ClientCaseView) cases.report(CLIENT_B, new CaseRequests.NewCase(null,
                "Campagne de dénigrement contre notre directeur général",
                "Des articles de blog et des publications anonymes accusent Bruno Verdier de fraude. Ils semblent venir "
                        + "d'un ancien salarié licencié en septembre et remontent en première page de Google sur son nom.",
                now.minus(Duration.ofDays(21)), List.of("https://blog-anonyme.test/verdier-fraude",
                "https://forum.test/t/maison-verdier"), false, true, now.minus(Duration.ofDays(21)),
                SuspectedAuthor.EMPLOYEE));
        confirmTriage(campaign.id(), List.of(CrisisType.DEFAMATION), Kinetics.SLOW);
        team.put(CONSULTANT, campaign.id(), new CaseRequests.TeamChange(LAWYER.userId(), Workstream.LEGAL, true));
        team.put(CONSULTANT, campaign.id(), new CaseRequests.TeamChange(REPUTATION.userId(), Workstream.REPUTATION, true));
    }

    private void confirmTriage(UUID caseId, List<CrisisType> types, Kinetics kinetics) {
        triage.confirm(CONSULTANT, caseId, triage.propose(CONSULTANT, caseId, types, kinetics, "fr"));
    }

    private static Caller caller(String id, String username, String first, String last, String role, UUID tenant) {
        return new Caller(new CurrentUser(id, username, first + " " + last, List.of(role),
                Firm.ofRoles(List.of(role)).orElse(null), tenant), null, "taskforce-demo-seed", null);
    }
}
