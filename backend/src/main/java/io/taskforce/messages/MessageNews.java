package io.taskforce.messages;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.identity.Caller;
import io.taskforce.notify.Announcement;
import io.taskforce.notify.Announcements;
import io.taskforce.notify.NotifyEvent;
import io.taskforce.tenancy.TenantDirectory;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who hears of a message, announced in the transaction of the change: the team's lawyers of a review request, the
 * author of the answer, the client and the team of a publication or withdrawal. The detail is the message's title.
 * Nobody is told of what they did themself. The firms concerned are named for their webhooks.
 */
@Singleton
class MessageNews {

    private final Announcements announcements;
    private final TenantDirectory tenants;

    MessageNews(Announcements announcements, TenantDirectory tenants) {
        this.announcements = announcements;
        this.tenants = tenants;
    }

    void reviewRequested(Caller caller, UUID tenantId, UUID caseId, String caseTitle, Collection<UUID> lawyers, String title) {
        announce(caller, NotifyEvent.MESSAGE_REVIEW_REQUESTED, tenantId, caseId, caseTitle, lawyers, title, Set.of("LEGAL"));
    }

    void answered(Caller caller, NotifyEvent event, UUID tenantId, UUID caseId, String caseTitle, UUID author, String title) {
        announce(caller, event, tenantId, caseId, caseTitle, Set.of(author), title, Set.of("COMMUNICATION"));
    }

    void published(Caller caller, NotifyEvent event, UUID tenantId, UUID caseId, String caseTitle, Collection<UUID> team, String title) {
        var recipients = new HashSet<>(team);
        recipients.addAll(announcements.clientsOfTenant(tenantId));
        announce(caller, event, tenantId, caseId, caseTitle, recipients, title, Set.of("COMMUNICATION", "LEGAL"));
    }

    private void announce(Caller caller, NotifyEvent event, UUID tenantId, UUID caseId, String caseTitle,
                          Collection<UUID> recipients, @Nullable String title, Set<String> firms) {
        var others = new HashSet<>(recipients);
        others.remove(caller.userId());
        String actor = caller.user().name() != null ? caller.user().name() : caller.user().username();
        announcements.announce(new Announcement(event, caseId, others, caseTitle, tenants.nameOf(tenantId).orElse(null),
                actor, title, firms));
    }
}
