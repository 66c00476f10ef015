package io.taskforce.tenancy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.identity.KeycloakAdmin;
import io.taskforce.identity.OidcSettings;
import io.taskforce.identity.Role;
import io.taskforce.identity.UserAccountRepository;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Performs the Keycloak actions that are due, outside any transaction: claims a batch (a lease, committed at once),
 * calls Keycloak for each, records the outcome. A failure is retried with backoff and given up after the last
 * attempt. A claim whose instance died expires after the lease and is taken again: an action is performed at least
 * once (they are all safe to repeat, the invitation e-mail aside).
 */
@Singleton
class KeycloakCourier {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakCourier.class);
    /** Clients choose a password; staff, who see every tenant's cases, also set up a second factor. */
    private static final List<String> CLIENT_ACTIONS = List.of("UPDATE_PASSWORD");
    private static final List<String> STAFF_ACTIONS = List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP");

    private final KeycloakActionRepository actions;
    private final UserAccountRepository accounts;
    private final TenantRepository tenants;
    private final KeycloakAdmin keycloak;
    private final KeycloakActionSettings settings;
    private final OidcSettings oidc;
    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;

    KeycloakCourier(KeycloakActionRepository actions, UserAccountRepository accounts, TenantRepository tenants,
                    KeycloakAdmin keycloak, KeycloakActionSettings settings, OidcSettings oidc,
                    TenantTransactions transactions, JdbcOperations jdbc) {
        this.actions = actions;
        this.accounts = accounts;
        this.tenants = tenants;
        this.keycloak = keycloak;
        this.settings = settings;
        this.oidc = oidc;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Performs up to {@code limit} due actions; answers how many were claimed. */
    int performDue(int limit) {
        var claimed = claim(limit, settings.claimLease());
        for (var action : claimed) {
            try {
                perform(action);
                actions.done(action.id());
            } catch (GiveUp e) {
                LOG.warn("Keycloak action {} {} given up: {}", action.action(), action.id(), e.getMessage());
                actions.failed(action.id(), KeycloakAction.FAILED, e.getMessage(), 0);
            } catch (RuntimeException e) {
                var retry = settings.retry();
                boolean givesUp = retry.givesUpAfter(action.attempts());
                LOG.warn("Keycloak action {} {} failed (attempt {}{}): {}", action.action(), action.id(),
                        action.attempts(), givesUp ? ", given up" : "", e.getMessage());
                actions.failed(action.id(), givesUp ? KeycloakAction.FAILED : KeycloakAction.PENDING, e.getMessage(),
                        retry.delayAfter(action.attempts()).toMillis());
            }
        }
        return claimed.size();
    }

    private void perform(KeycloakAction action) {
        var account = accounts.findById(action.userId())
                .orElseThrow(() -> new GiveUp("the person no longer exists"));
        switch (action.action()) {
            case KeycloakAction.SEND_INVITATION -> {
                if (!account.active()) {
                    throw new GiveUp("the person was deactivated before the invitation was sent");
                }
                keycloak.sendActionsEmail(account.id(), Role.CLIENT.equals(account.role()) ? CLIENT_ACTIONS : STAFF_ACTIONS,
                        settings.invitationLifespan(), oidc.spaClientId(), settings.invitationRedirectUrl());
            }
            case KeycloakAction.JOIN_TENANT_GROUP -> {
                var tenant = tenants.findById(action.tenant()).orElseThrow(() -> new GiveUp("no such tenant"));
                String groupId = tenant.keycloakGroupId();
                if (groupId == null) { // a tenant that predates groups (the demo tenants): its group is made now
                    groupId = keycloak.ensureTenantGroup(tenant.id(), tenant.slug());
                    tenants.recordGroup(tenant.id(), groupId);
                }
                keycloak.joinGroup(account.id(), groupId);
            }
            // the state it has now, whatever the order in which deactivations and reactivations were asked for
            case KeycloakAction.SYNC_ENABLED -> keycloak.setEnabled(account.id(), account.active());
            default -> throw new GiveUp("unknown action " + action.action());
        }
    }

    private List<KeycloakAction> claim(int limit, Duration lease) {
        return transactions.write(TenantTransactions.PLATFORM, () -> jdbc.prepareStatement("""
                update keycloak_action a set claimed_until = now() + cast(? as interval), attempts = a.attempts + 1
                from (select id from keycloak_action
                      where status = 'PENDING' and next_attempt_at <= now()
                        and (claimed_until is null or claimed_until < now())
                      order by next_attempt_at limit ? for update skip locked) due
                where a.id = due.id
                returning a.*""", ps -> {
            ps.setString(1, lease.toMillis() + " milliseconds");
            ps.setInt(2, limit);
            try (var rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, KeycloakAction.class).toList();
            }
        }));
    }

    /** A failure that no retry will mend. */
    private static final class GiveUp extends RuntimeException {
        GiveUp(String reason) {
            super(reason);
        }
    }
}
