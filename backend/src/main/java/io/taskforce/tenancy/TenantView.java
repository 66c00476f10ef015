package io.taskforce.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
record TenantView(UUID id, String slug, String name, String locale, boolean active, Instant createdAt) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id(), t.slug(), t.name(), t.locale(), t.active(), t.createdAt());
    }
}
