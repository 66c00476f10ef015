package io.taskforce.tenancy;

import io.taskforce.audit.ChainDirectory;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to tenants for the other features, and the list of audit chains (the platform's, then each tenant's). */
@Singleton
public class TenantDirectory implements ChainDirectory {

    private final TenantRepository tenants;

    TenantDirectory(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public Optional<Tenant> find(UUID id) {
        return tenants.findById(id);
    }

    @Override
    public List<Chain> chains() {
        var chains = new ArrayList<Chain>();
        chains.add(new Chain(TenantTransactions.PLATFORM, "Platform"));
        tenants.findAllOrdered().forEach(t -> chains.add(new Chain(t.id(), t.name())));
        return chains;
    }
}
