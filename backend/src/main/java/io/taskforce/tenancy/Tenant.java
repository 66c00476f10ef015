package io.taskforce.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A customer organisation in crisis; every row of its data carries its id. */
@MappedEntity("tenant")
public record Tenant(@Id UUID id, String slug, String name, String locale, boolean active, Instant createdAt,
                     @Nullable String keycloakGroupId) {

    Tenant withName(String name) {
        return new Tenant(id, slug, name, locale, active, createdAt, keycloakGroupId);
    }

    Tenant withActive(boolean active) {
        return new Tenant(id, slug, name, locale, active, createdAt, keycloakGroupId);
    }
}
