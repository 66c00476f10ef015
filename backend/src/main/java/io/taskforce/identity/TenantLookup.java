package io.taskforce.identity;

import java.util.Optional;
import java.util.UUID;

/** What identity needs to know of the tenant a token names; implemented by the tenancy feature. */
public interface TenantLookup {

    Optional<String> nameOf(UUID tenantId);

    /** Whether the tenant exists and is active: a client of a deactivated tenant may no longer act. */
    boolean isActive(UUID tenantId);

    /** Whether the user is one of the tenant's client members (invited, or seeded with the demo tenants). */
    boolean isMember(UUID tenantId, UUID userId);
}
