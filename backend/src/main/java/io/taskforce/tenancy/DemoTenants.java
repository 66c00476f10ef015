package io.taskforce.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.taskforce.identity.Role;
import io.taskforce.identity.UserAccountRepository;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The two demo tenants of the local realm ({@code deploy/keycloak/taskforce-realm.dev.json} binds
 * client-a and client-b to these ids), and those two clients as members of them: a client is a member of a tenant by
 * invitation, and the demo clients were never invited. Only with {@code taskforce.demo.enabled}; never in production.
 */
@Singleton
@Requires(property = "taskforce.demo.enabled", value = "true")
class DemoTenants {

    static final List<Tenant> TENANTS = List.of(
            new Tenant(UUID.fromString("b094b75d-873d-4f54-9892-afd58263330a"), "helio-cloud", "Helio Cloud",
                    "fr", true, Instant.parse("2026-03-10T06:00:00Z"), null),
            new Tenant(UUID.fromString("fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a"), "maison-verdier", "Maison Verdier",
                    "fr", true, Instant.parse("2026-02-18T09:30:00Z"), null));

    /** The demo clients of the dev realm, with their Keycloak ids. */
    record DemoClient(UUID id, String username, String email, String firstName, String lastName, UUID tenantId) {
    }

    static final List<DemoClient> CLIENTS = List.of(
            new DemoClient(UUID.fromString("8f3d4e5b-6a7c-4d8e-9f90-a1b2c3d4e5f6"), "client-a", "client-a@demo.taskforce.test",
                    "Antoine", "Roux", TENANTS.get(0).id()),
            new DemoClient(UUID.fromString("903e4f5c-7b8d-4e9f-8a01-b2c3d4e5f607"), "client-b", "client-b@demo.taskforce.test",
                    "Béatrice", "Vidal", TENANTS.get(1).id()));

    private final TenantRepository tenants;
    private final UserAccountRepository accounts;
    private final TenantMemberRepository members;
    private final TenantTransactions transactions;

    DemoTenants(TenantRepository tenants, UserAccountRepository accounts, TenantMemberRepository members,
                TenantTransactions transactions) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.members = members;
        this.transactions = transactions;
    }

    @EventListener
    void seed(StartupEvent event) {
        TENANTS.stream().filter(t -> !tenants.existsById(t.id())).forEach(tenants::save);
        CLIENTS.forEach(c -> transactions.write(c.tenantId(), () -> {
            accounts.register(c.id(), c.username(), c.email(), c.firstName(), c.lastName(), Role.CLIENT);
            members.addIfAbsent(c.tenantId(), c.id());
            return null;
        }));
    }
}
