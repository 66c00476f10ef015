package io.taskforce.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.FirstSeenUsers;
import io.taskforce.identity.UserAccountRepository;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

/**
 * A person's first appearance joins the platform chain with the registration itself: two first requests racing
 * register once (the insert does nothing the second time) and so audit once.
 */
@Singleton
final class FirstSeenRegistry implements FirstSeenUsers {

    private final UserAccountRepository accounts;
    private final TenantTransactions transactions;
    private final AuditTrail audit;

    FirstSeenRegistry(UserAccountRepository accounts, TenantTransactions transactions, AuditTrail audit) {
        this.accounts = accounts;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public void register(Caller caller, @Nullable String email, @Nullable String firstName, @Nullable String lastName,
                         String role) {
        var user = caller.user();
        transactions.write(TenantTransactions.PLATFORM, () -> {
            if (accounts.register(caller.userId(), user.username(), email, firstName, lastName, role) == 1) {
                audit.record(caller, AuditEntry.of("user.first-seen", "user", caller.userId(),
                        Changes.of().set("username", user.username()).set("role", role)
                                .set("tenantId", user.tenantId() == null ? null : user.tenantId().toString())));
            }
            return null;
        });
    }
}
