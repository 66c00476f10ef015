package io.taskforce.audit;

import java.util.List;
import java.util.UUID;

/** The chains that exist: the platform's and one per tenant. Implemented by the tenancy feature. */
public interface ChainDirectory {

    List<Chain> chains();

    record Chain(UUID id, String name) {
    }
}
