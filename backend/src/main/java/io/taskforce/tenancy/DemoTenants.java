package io.taskforce.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The two demo tenants of the local realm ({@code deploy/keycloak/taskforce-realm.dev.json} binds
 * client-a and client-b to these ids). Only with {@code taskforce.demo.enabled}; never in production.
 */
@Singleton
@Requires(property = "taskforce.demo.enabled", value = "true")
class DemoTenants {

    static final List<Tenant> TENANTS = List.of(
            new Tenant(UUID.fromString("b094b75d-873d-4f54-9892-afd58263330a"), "helio-cloud", "Helio Cloud",
                    "fr", true, Instant.parse("2026-03-10T06:00:00Z"), null),
            new Tenant(UUID.fromString("fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a"), "maison-verdier", "Maison Verdier",
                    "fr", true, Instant.parse("2026-02-18T09:30:00Z"), null));

    private final TenantRepository tenants;

    DemoTenants(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @EventListener
    void seed(StartupEvent event) {
        TENANTS.stream().filter(t -> !tenants.existsById(t.id())).forEach(tenants::save);
    }
}
