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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Invitations and the active state of people. The person is created in Keycloak first, before any transaction (their
 * Keycloak id is their id here), with no password; the transaction then saves them, audits the invitation in the
 * platform chain and writes what Keycloak must do next — e-mail them the invitation link, put a client into their
 * tenant's group — which {@link KeycloakCourier} performs after commit. If the transaction fails, the Keycloak user
 * is deleted again, so no identity exists without its product record.
 */
@Singleton
class PeopleService {

    private final TenantService tenants;
    private final UserAccountRepository accounts;
    private final TenantMemberRepository members;
    private final KeycloakActionRepository actions;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final KeycloakAdmin keycloak;

    PeopleService(TenantService tenants, UserAccountRepository accounts, TenantMemberRepository members,
                  KeycloakActionRepository actions, TenantTransactions transactions, AuditTrail audit,
                  KeycloakAdmin keycloak) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.members = members;
        this.actions = actions;
        this.transactions = transactions;
        this.audit = audit;
        this.keycloak = keycloak;
    }

    Page<UserView> members(UUID tenantId, String after, int limit) {
        tenants.get(tenantId);
        var rows = transactions.read(tenantId, () -> members.findMembersAfter(tenantId, Keyset.parseId(after), limit + 1));
        return Page.of(views(rows, tenantId), limit, u -> u.id().toString());
    }

    Page<UserView> staff(String after, int limit) {
        var rows = accounts.findStaffAfter(Keyset.parseId(after), limit + 1);
        return Page.of(views(rows, null), limit, u -> u.id().toString());
    }

    UserView inviteClient(Caller caller, UUID tenantId, TenantRequests.InviteClient request) {
        var tenant = tenants.get(tenantId);
        if (!tenant.active()) {
            throw ApiException.conflict("The tenant '" + tenant.name() + "' is deactivated: reactivate it first.");
        }
        var email = request.email().trim().toLowerCase();
        UUID id = keycloak.createUser(new NewIdentity(email, request.firstName().trim(), request.lastName().trim(),
                Role.CLIENT, tenantId, tenant.locale()));
        return savedOrUndone(id, () -> transactions.write(tenantId, () -> {
            var saved = accounts.save(account(id, email, request.firstName(), request.lastName(), Role.CLIENT));
            members.add(tenantId, id);
            audit.recordPlatform(caller, AuditEntry.of("user.invited", "user", id, invitedChanges(saved, tenantId)));
            actions.enqueue(id, tenantId, KeycloakAction.JOIN_TENANT_GROUP);
            return invited(saved, tenantId);
        }));
    }

    UserView inviteStaff(Caller caller, TenantRequests.InviteStaff request) {
        var email = request.email().trim().toLowerCase();
        UUID id = keycloak.createUser(new NewIdentity(email, request.firstName().trim(), request.lastName().trim(),
                request.role(), null, null));
        return savedOrUndone(id, () -> transactions.write(TenantTransactions.PLATFORM, () -> {
            var saved = accounts.save(account(id, email, request.firstName(), request.lastName(), request.role()));
            audit.record(caller, AuditEntry.of("user.invited", "user", id, invitedChanges(saved, null)));
            return invited(saved, null);
        }));
    }

    /** Sends the person a new invitation e-mail (a fresh link); one still waiting to go is replaced by it. */
    InvitationView resendInvitation(Caller caller, UUID userId) {
        return transactions.write(TenantTransactions.PLATFORM, () -> {
            var account = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
            if (!account.active()) {
                throw ApiException.conflict("This person is deactivated: reactivate them before inviting them again.");
            }
            actions.supersedeInvitations(userId);
            actions.enqueue(userId, null, KeycloakAction.SEND_INVITATION);
            audit.record(caller, AuditEntry.of("user.invitation_resent", "user", userId,
                    Changes.of().set("email", account.email())));
            return invitation(userId);
        });
    }

    InvitationView invitation(UUID userId) {
        return actions.latestInvitation(userId).map(InvitationView::of)
                .orElseThrow(() -> ApiException.notFound("Invitation"));
    }

    /**
     * Deactivates (or reactivates) a person here; their still-valid tokens stop working at once (the product checks
     * every request). Keycloak is brought to the same state after commit.
     */
    UserView setActive(Caller caller, UUID userId, boolean active) {
        if (!active && caller.user().subject().equals(userId.toString())) {
            throw ApiException.conflict("You cannot deactivate your own account.");
        }
        var account = transactions.write(TenantTransactions.PLATFORM, () -> {
            var current = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
            if (current.active() == active) {
                return current;
            }
            var updated = accounts.update(current.withActive(active));
            audit.record(caller, AuditEntry.of(active ? "user.reactivated" : "user.deactivated", "user", userId,
                    Changes.of().changed("active", !active, active)));
            actions.enqueue(userId, null, KeycloakAction.SYNC_ENABLED);
            return updated;
        });
        return views(List.of(account), null).get(0);
    }

    /** In the invitation's transaction: the e-mail goes after commit; the view says it is on its way. */
    private UserView invited(UserAccount saved, UUID tenantId) {
        actions.enqueue(saved.id(), null, KeycloakAction.SEND_INVITATION);
        return UserView.of(saved, tenantId, invitation(saved.id()));
    }

    /** Runs the transaction that records a person just created in Keycloak; if it fails, deletes them there. */
    private <T> T savedOrUndone(UUID keycloakUserId, Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (RuntimeException e) {
            keycloak.deleteUser(keycloakUserId);
            throw e;
        }
    }

    private List<UserView> views(List<UserAccount> rows, UUID tenantId) {
        Map<UUID, InvitationView> invitations = rows.isEmpty() ? Map.of()
                : actions.latestInvitations(rows.stream().map(UserAccount::id).toList()).stream()
                        .collect(Collectors.toMap(KeycloakAction::userId, InvitationView::of));
        return rows.stream().map(u -> UserView.of(u, tenantId, invitations.get(u.id()))).toList();
    }

    private static UserAccount account(UUID id, String email, String firstName, String lastName, String role) {
        return new UserAccount(id, email, email, firstName.trim(), lastName.trim(), role, true,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static Changes invitedChanges(UserAccount account, UUID tenantId) {
        var changes = Changes.of().set("username", account.username()).set("role", account.role());
        return tenantId == null ? changes : changes.set("tenant", tenantId);
    }
}
