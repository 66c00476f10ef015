package io.taskforce.tenancy;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.KeycloakAdmin;
import io.taskforce.identity.NewIdentity;
import io.taskforce.identity.Role;
import io.taskforce.identity.UserAccount;
import io.taskforce.identity.UserAccountRepository;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.web.Keyset;
import io.taskforce.platform.web.Page;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Invitations and the active state of people. The person is created in Keycloak first (with a one-time
 * password they must change at first login); if saving them here then fails, the Keycloak user is removed, so
 * no identity exists without its product record. Invitations are audited in the platform chain.
 */
@Singleton
class PeopleService {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";
    private final SecureRandom random = new SecureRandom();

    private final TenantService tenants;
    private final UserAccountRepository accounts;
    private final TenantMemberRepository members;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final KeycloakAdmin keycloak;

    PeopleService(TenantService tenants, UserAccountRepository accounts, TenantMemberRepository members,
                  TenantTransactions transactions, AuditTrail audit, KeycloakAdmin keycloak) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.members = members;
        this.transactions = transactions;
        this.audit = audit;
        this.keycloak = keycloak;
    }

    Page<UserView> members(UUID tenantId, String after, int limit) {
        tenants.get(tenantId);
        var rows = transactions.read(tenantId, () -> members.findMembersAfter(Keyset.parseId(after), limit + 1));
        return Page.of(rows.stream().map(u -> UserView.of(u, tenantId)).toList(), limit, u -> u.id().toString());
    }

    Page<UserView> staff(String after, int limit) {
        var rows = accounts.findStaffAfter(Keyset.parseId(after), limit + 1);
        return Page.of(rows.stream().map(u -> UserView.of(u, null)).toList(), limit, u -> u.id().toString());
    }

    UserView.Invited inviteClient(Caller caller, UUID tenantId, TenantRequests.InviteClient request) {
        var tenant = tenants.get(tenantId);
        if (!tenant.active()) {
            throw ApiException.conflict("The tenant '" + tenant.name() + "' is deactivated: reactivate it first.");
        }
        String groupId = transactions.write(TenantTransactions.PLATFORM, () -> tenants.groupOf(tenants.get(tenantId)));
        String password = temporaryPassword();
        var email = request.email().trim().toLowerCase();
        UUID id = keycloak.createUser(new NewIdentity(email, request.firstName().trim(), request.lastName().trim(),
                Role.CLIENT, tenantId, groupId, password));
        try {
            var account = transactions.write(tenantId, () -> {
                var saved = accounts.save(new UserAccount(id, email, email, request.firstName().trim(),
                        request.lastName().trim(), Role.CLIENT, true, Instant.now().truncatedTo(ChronoUnit.MICROS)));
                members.add(tenantId, id);
                audit.recordPlatform(caller, AuditEntry.of("user.invited", "user", id, invitedChanges(saved, tenantId)));
                return saved;
            });
            return new UserView.Invited(UserView.of(account, tenantId), password);
        } catch (RuntimeException e) {
            keycloak.deleteUser(id);
            throw e;
        }
    }

    UserView.Invited inviteStaff(Caller caller, TenantRequests.InviteStaff request) {
        String password = temporaryPassword();
        var email = request.email().trim().toLowerCase();
        UUID id = keycloak.createUser(new NewIdentity(email, request.firstName().trim(), request.lastName().trim(),
                request.role(), null, null, password));
        try {
            var account = transactions.write(TenantTransactions.PLATFORM, () -> {
                var saved = accounts.save(new UserAccount(id, email, email, request.firstName().trim(),
                        request.lastName().trim(), request.role(), true, Instant.now().truncatedTo(ChronoUnit.MICROS)));
                audit.record(caller, AuditEntry.of("user.invited", "user", id, invitedChanges(saved, null)));
                return saved;
            });
            return new UserView.Invited(UserView.of(account, null), password);
        } catch (RuntimeException e) {
            keycloak.deleteUser(id);
            throw e;
        }
    }

    /** Deactivates (or reactivates) a person here and in Keycloak; their still-valid tokens stop working at once. */
    UserView setActive(Caller caller, UUID userId, boolean active) {
        if (!active && caller.user().subject().equals(userId.toString())) {
            throw ApiException.conflict("You cannot deactivate your own account.");
        }
        return transactions.write(TenantTransactions.PLATFORM, () -> {
            var account = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
            if (account.active() == active) {
                return UserView.of(account, null);
            }
            var updated = accounts.update(account.withActive(active));
            audit.record(caller, AuditEntry.of(active ? "user.reactivated" : "user.deactivated", "user", userId,
                    Changes.of().changed("active", !active, active)));
            keycloak.setEnabled(userId, active);
            return UserView.of(updated, null);
        });
    }

    private static Changes invitedChanges(UserAccount account, UUID tenantId) {
        var changes = Changes.of().set("username", account.username()).set("role", account.role());
        return tenantId == null ? changes : changes.set("tenant", tenantId);
    }

    private String temporaryPassword() {
        var password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
