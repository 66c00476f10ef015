package io.taskforce.messages;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The firms' pre-approved templates. A lawyer approves a template's exact words (named by their hash); the approval
 * is a platform event, since templates serve every tenant.
 */
@Singleton
class TemplateService {

    private final TenantTransactions transactions;
    private final MessageStore store;
    private final AuditTrail audit;

    TemplateService(TenantTransactions transactions, MessageStore store, AuditTrail audit) {
        this.transactions = transactions;
        this.store = store;
        this.audit = audit;
    }

    List<MessageViews.TemplateView> list() {
        return transactions.read(TenantTransactions.PLATFORM, () -> store.templates().stream().map(MessageTemplate::view).toList());
    }

    MessageViews.TemplateView approve(Caller caller, String id, String sha256) {
        if (!caller.user().hasRole(Role.LAWYER)) {
            throw ApiException.forbidden("Only a lawyer approves a template.");
        }
        return transactions.write(TenantTransactions.PLATFORM, () -> {
            var template = store.template(id).orElseThrow(() -> ApiException.notFound("Template"));
            if (!template.sha256().equals(sha256) || !MessageTemplate.hashOf(template.title(), template.body()).equals(sha256)) {
                throw ApiException.conflict("The hash given is not the hash of this template's words.");
            }
            store.approveTemplate(id, caller.userId(), Instant.now().truncatedTo(ChronoUnit.MICROS), sha256);
            audit.recordPlatform(caller, AuditEntry.of("message_template.approved", "message_template", id,
                    Changes.of().set("sha256", sha256).changed("approvedBy", template.approvedBy(), caller.userId())));
            return store.template(id).orElseThrow().view();
        });
    }
}
