package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.cases.CaseScope;
import io.taskforce.cases.Workstream;
import io.taskforce.identity.Caller;
import io.taskforce.notify.Announcement;
import io.taskforce.notify.Announcements;
import io.taskforce.notify.NotifyEvent;
import io.taskforce.tenancy.TenantDirectory;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Set;

/**
 * The client hears of the case's story as it is told to them: a public entry written by the team (a fact, a decision,
 * a rumour's public response) is announced to the tenant's clients in the transaction that writes it (the outbox).
 * The team is not told (they read the log), nor anyone of an entry that is not public. The product's own public
 * entries (status and phase) are not announced again here: {@code cases} already tells the client of those changes.
 */
@Singleton
class LogNews {

    /** A notification's detail is one line: the entry's first words. */
    static final int DETAIL_LENGTH = 160;

    private final Announcements announcements;
    private final TenantDirectory tenants;
    private final Sql sql;

    LogNews(Announcements announcements, TenantDirectory tenants, Sql sql) {
        this.announcements = announcements;
        this.tenants = tenants;
        this.sql = sql;
    }

    void written(Caller caller, CaseScope scope, LogEntryView entry) {
        if (!entry.isPublic()) {
            return;
        }
        var clients = new HashSet<>(announcements.clientsOfTenant(scope.tenantId()));
        clients.remove(caller.userId());
        var caseTitle = sql.one("select title from case_file where tenant_id = ? and id = ?",
                Sql.params(scope.tenantId(), scope.caseId()), rs -> rs.getString(1)).orElse(null);
        String actor = caller.user().name() != null ? caller.user().name() : caller.user().username();
        announcements.announce(new Announcement(NotifyEvent.LOG_PUBLIC_ENTRY, scope.caseId(), clients, caseTitle,
                tenants.nameOf(scope.tenantId()).orElse(null), actor, detail(entry.text()), firms(entry.workstream())));
    }

    static String detail(String text) {
        var line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= DETAIL_LENGTH ? line : line.substring(0, DETAIL_LENGTH - 1).stripTrailing() + "…";
    }

    private static Set<String> firms(@Nullable Workstream workstream) {
        return workstream == null ? Set.of() : Set.of(workstream.name());
    }
}
