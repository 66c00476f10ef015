package io.taskforce.tenancy;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Change;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.KeycloakAdmin;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.web.Page;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Tenants, managed by platform admins; each change is audited in the platform chain. Deactivating a tenant needs
 * nothing of Keycloak: the product refuses its clients at once (ActiveUserFilter), whatever their tokens say.
 */
@Singleton
class TenantService {

    private final TenantRepository tenants;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final KeycloakAdmin keycloak;

    TenantService(TenantRepository tenants, TenantTransactions transactions, AuditTrail audit, KeycloakAdmin keycloak) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.audit = audit;
        this.keycloak = keycloak;
    }

    Page<TenantView> list(String after, int limit) {
        var rows = tenants.findAfter(after == null ? "" : after, limit + 1).stream().map(TenantView::of).toList();
        return Page.of(rows, limit, TenantView::slug);
    }

    Tenant get(UUID id) {
        return tenants.findById(id).orElseThrow(() -> ApiException.notFound("Tenant"));
    }

    /**
     * Creates the tenant's Keycloak group first, outside any transaction (the tenant row records its id), then the
     * tenant; if that transaction fails, the group is deleted again. If Keycloak refuses, nothing is saved.
     */
    TenantView create(Caller caller, TenantRequests.CreateTenant request) {
        if (tenants.existsBySlug(request.slug())) {
            throw slugTaken(request.slug());
        }
        var id = UUID.randomUUID();
        String groupId = keycloak.createTenantGroup(id, request.slug());
        try {
            return transactions.write(TenantTransactions.PLATFORM, () -> {
                if (tenants.existsBySlug(request.slug())) {
                    throw slugTaken(request.slug());
                }
                var tenant = tenants.save(new Tenant(id, request.slug(), request.name().trim(),
                        request.locale() == null ? "fr" : request.locale(), true,
                        Instant.now().truncatedTo(ChronoUnit.MICROS), groupId));
                audit.record(caller, AuditEntry.of("tenant.created", "tenant", id, Changes.of().set("name", tenant.name())
                        .set("slug", tenant.slug()).set("locale", tenant.locale()).set("active", true)));
                return TenantView.of(tenant);
            });
        } catch (RuntimeException e) {
            keycloak.deleteGroup(groupId);
            throw e;
        }
    }

    private static ApiException slugTaken(String slug) {
        return ApiException.conflict("A tenant with the slug '" + slug + "' already exists.");
    }

    /** One request, one audit event: a rename and a deactivation sent together are recorded together. */
    TenantView update(Caller caller, UUID id, TenantRequests.UpdateTenant request) {
        return transactions.write(TenantTransactions.PLATFORM, () -> {
            var tenant = get(id);
            var changes = Changes.of();
            if (request.name() != null && !request.name().isBlank()) {
                changes.changed("name", tenant.name(), request.name().trim());
                tenant = tenant.withName(request.name().trim());
            }
            if (request.active() != null) {
                changes.changed("active", tenant.active(), request.active());
                tenant = tenant.withActive(request.active());
            }
            if (changes.isEmpty()) {
                return TenantView.of(tenant);
            }
            audit.record(caller, AuditEntry.of(updateAction(changes.asMap(), tenant.active()), "tenant", id, changes));
            return TenantView.of(tenants.update(tenant));
        });
    }

    private static String updateAction(Map<String, Change> changes, boolean activeNow) {
        if (changes.size() > 1) {
            return "tenant.updated";
        }
        return changes.containsKey("name") ? "tenant.renamed" : activeNow ? "tenant.reactivated" : "tenant.deactivated";
    }
}
