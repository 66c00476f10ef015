package io.taskforce.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The chains that exist: the platform's and one per tenant. Implemented by the tenancy feature. */
public interface ChainDirectory {

    List<Chain> chains();

    /** A tenant's chain, if the tenant exists (never the platform chain). */
    Optional<Chain> tenantChain(UUID tenantId);

    record Chain(UUID id, String name) {
    }
}
