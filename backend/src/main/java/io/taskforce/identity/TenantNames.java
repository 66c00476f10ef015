package io.taskforce.identity;

import java.util.Optional;
import java.util.UUID;

/** The name of the tenant a token names; implemented by the tenancy feature. */
public interface TenantNames {

    Optional<String> nameOf(UUID tenantId);
}
