package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.cases.CaseScope;
import io.taskforce.cases.Workstream;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.messages.PublishedMessages;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.web.Keyset;
import io.taskforce.platform.web.Page;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The running log (main courante) of a case: the team writes facts and decisions, the product adds an entry for
 * each triage, team, status and phase change (see {@link CaseLog}), and a client reads the public entries only.
 * An entry may link a message published on the same case ({@code messages} says which are); the tenant's clients
 * hear of each public entry the team writes ({@link LogNews}).
 */
@Singleton
class LogService {

    private final CaseAccess access;
    private final LogStore store;
    private final AuditTrail audit;
    private final PublishedMessages messages;
    private final LogNews news;

    LogService(CaseAccess access, LogStore store, AuditTrail audit, PublishedMessages messages, LogNews news) {
        this.access = access;
        this.store = store;
        this.audit = audit;
        this.messages = messages;
        this.news = news;
    }

    LogEntryView write(Caller caller, UUID caseId, LogRequests.NewEntry request) {
        if (!request.kind().written()) {
            throw ApiException.badRequest("kind: people write FACT or DECISION entries; the others are written by the product.");
        }
        var links = checkedLinks(request.links());
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            requireWorkstream(caller, request.workstream());
            if (request.taskId() != null && !store.taskOfCase(scope.tenantId(), request.taskId(), caseId)) {
                throw ApiException.badRequest("taskId: no task of this case has this id.");
            }
            requirePublished(scope, request.messageId());
            var now = now();
            var occurredAt = request.occurredAt() == null ? now : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
            if (occurredAt.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
                throw ApiException.badRequest("occurredAt: a fact of the running log cannot be in the future.");
            }
            var row = new LogStore.NewRow(UUID.randomUUID(), scope.tenantId(), caseId, occurredAt, now, caller.userId(),
                    request.kind(), request.workstream(), request.text().strip(), links, request.taskId(),
                    Boolean.TRUE.equals(request.isPublic()), null, Map.of(), request.messageId());
            store.insert(row);
            audit.record(caller, AuditEntry.ofCase(caseId, "log.entry_added", "log_entry", row.id(), Changes.of()
                    .set("kind", row.kind()).set("workstream", row.workstream()).set("text", row.text())
                    .set("occurredAt", row.occurredAt()).set("public", row.isPublic()).set("links", links)
                    .set("taskId", row.taskId()).set("messageId", row.messageId())));
            var entry = store.find(scope.tenantId(), row.id());
            news.written(caller, scope, entry);
            return entry;
        });
    }

    /** Inside a case transaction already checked by the caller: an entry the product writes (no audit of its own). */
    LogEntryView append(Caller caller, CaseScope scope, LogKind kind, String text, boolean isPublic, @Nullable String event,
                        Map<String, String> params) {
        return append(caller, scope, kind, text, isPublic, event, params, null);
    }

    /** As above, linking a message already checked with {@link #requirePublished}. */
    LogEntryView append(Caller caller, CaseScope scope, LogKind kind, String text, boolean isPublic, @Nullable String event,
                        Map<String, String> params, @Nullable UUID messageId) {
        var now = now();
        var row = new LogStore.NewRow(UUID.randomUUID(), scope.tenantId(), scope.caseId(), now, now, caller.userId(), kind,
                null, text, List.of(), null, isPublic, event, params, messageId);
        store.insert(row);
        return store.find(scope.tenantId(), row.id());
    }

    Page<LogEntryView> page(Caller caller, UUID caseId, LogStore.Filter filter, @Nullable String after, int limit) {
        var from = Keyset.parse(after);
        return access.read(caller, caseId, scope -> {
            if (scope.viewer() == CaseScope.Viewer.INTAKE) {
                throw ApiException.notFound("Case");
            }
            // a client sees the public story only, whatever they ask for (row-level security says the same)
            var f = scope.viewer() == CaseScope.Viewer.CLIENT
                    ? new LogStore.Filter(filter.workstream(), true, filter.author(), filter.from(), filter.to()) : filter;
            var rows = store.page(scope.tenantId(), caseId, f, Keyset.atOf(from), Keyset.idOf(from), limit);
            return Page.of(rows, limit, e -> new Keyset(e.occurredAt(), e.id()).encode());
        });
    }

    /** A linked message must stand published on this very case (a draft, another case's, another tenant's: refused). */
    void requirePublished(CaseScope scope, @Nullable UUID messageId) {
        if (messageId != null && messages.standingOnCase(scope.tenantId(), scope.caseId(), messageId).isEmpty()) {
            throw ApiException.badRequest("messageId: no message published on this case has this id (a message is"
                    + " linked once it is published, and not after it is withdrawn).");
        }
    }

    /** Consultants write in any workstream (or none); the other firms in their own workstream only (DESIGN §2). */
    static void requireWorkstream(Caller caller, @Nullable Workstream workstream) {
        if (caller.user().hasRole(Role.CONSULTANT)) {
            return;
        }
        var firm = caller.user().firm();
        if (workstream == null || firm == null || !firm.name().equals(workstream.name())) {
            throw ApiException.forbidden("You write in your own workstream only: set workstream to "
                    + (firm == null ? "yours" : firm.name()) + ".");
        }
    }

    private static List<String> checkedLinks(@Nullable List<String> links) {
        if (links == null) {
            return List.of();
        }
        return links.stream().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            try {
                var uri = URI.create(l);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return l;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            throw ApiException.badRequest("links: '" + l + "' is not an http(s) address.");
        }).distinct().toList();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
