package io.taskforce.tenancy;

import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/** Read access to tenants for the other features. */
@Singleton
public class TenantDirectory {

    private final TenantRepository tenants;

    TenantDirectory(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public Optional<Tenant> find(UUID id) {
        return tenants.findById(id);
    }
}
