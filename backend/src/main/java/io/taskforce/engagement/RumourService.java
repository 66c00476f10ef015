package io.taskforce.engagement;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.identity.Caller;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The watch on rumours. A rumour is WATCHING until the team debunks or confirms it, once; the response is written
 * into the running log in the same transaction, naming the published message that answers it if there is one, and
 * the time-to-debunk follows from the dates. A public response is the client's news like any public entry.
 */
@Singleton
class RumourService {

    private final CaseAccess access;
    private final RumourStore store;
    private final LogService log;
    private final AuditTrail audit;
    private final LogNews news;

    RumourService(CaseAccess access, RumourStore store, LogService log, AuditTrail audit, LogNews news) {
        this.access = access;
        this.store = store;
        this.log = log;
        this.audit = audit;
        this.news = news;
    }

    List<RumourView> list(Caller caller, UUID caseId, boolean openOnly) {
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            return store.ofCase(scope.tenantId(), caseId, openOnly);
        });
    }

    RumourView create(Caller caller, UUID caseId, RumourRequests.NewRumour request) {
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var now = LogService.now();
            var firstSeen = request.firstSeenAt() == null ? now : request.firstSeenAt().truncatedTo(ChronoUnit.MICROS);
            if (firstSeen.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
                throw ApiException.badRequest("firstSeenAt: a rumour cannot be first seen in the future.");
            }
            var id = UUID.randomUUID();
            var source = request.sourceUrl() == null || request.sourceUrl().isBlank() ? null : request.sourceUrl().strip();
            store.insert(id, scope.tenantId(), caseId, request.claim().strip(), source, firstSeen, request.reach(),
                    caller.userId(), now);
            audit.record(caller, AuditEntry.ofCase(caseId, "rumour.logged", "rumour", id, Changes.of()
                    .set("claim", request.claim().strip()).set("sourceUrl", source).set("firstSeenAt", firstSeen)
                    .set("reach", request.reach()).set("status", RumourStatus.WATCHING)));
            return store.find(scope.tenantId(), id).orElseThrow();
        });
    }

    RumourView resolve(Caller caller, UUID rumourId, RumourRequests.Resolve request) {
        if (request.status() == RumourStatus.WATCHING) {
            throw ApiException.badRequest("status: a rumour is resolved as DEBUNKED or CONFIRMED.");
        }
        UUID caseId = access.readAcross(caller, () -> store.caseOf(rumourId))
                .orElseThrow(() -> ApiException.notFound("Rumour"));
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var rumour = store.lock(scope.tenantId(), rumourId).orElseThrow(() -> ApiException.notFound("Rumour"));
            if (rumour.status() != RumourStatus.WATCHING) {
                throw ApiException.conflict("This rumour was already " + rumour.status() + ".");
            }
            log.requirePublished(scope, request.messageId());
            var now = LogService.now();
            var entry = log.append(caller, scope, LogKind.RUMOUR, request.response().strip(),
                    Boolean.TRUE.equals(request.isPublic()), null, Map.of("rumourId", rumourId.toString(),
                            "verdict", request.status().name()), request.messageId());
            store.resolve(scope.tenantId(), rumourId, request.status(), now, caller.userId(), entry.id());
            audit.record(caller, AuditEntry.ofCase(caseId, "rumour.resolved", "rumour", rumourId, Changes.of()
                    .changed("status", rumour.status(), request.status()).set("response", entry.text())
                    .set("responseEntryId", entry.id()).set("public", entry.isPublic()).set("messageId", entry.messageId())
                    .set("minutesToDebunk", DebunkTime.minutes(request.status(), rumour.firstSeenAt(), now))));
            news.written(caller, scope, entry);
            return store.find(scope.tenantId(), rumourId).orElseThrow();
        });
    }
}
