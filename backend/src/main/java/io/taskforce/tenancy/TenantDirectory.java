package io.taskforce.tenancy;

import io.taskforce.audit.ChainDirectory;
import io.taskforce.identity.TenantLookup;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other features need to know of tenants: their names, and the audit chains (the platform's, then each tenant's). */
@Singleton
public class TenantDirectory implements ChainDirectory, TenantLookup {

    private final TenantRepository tenants;
    private final TenantMemberRepository members;
    private final TenantTransactions transactions;

    TenantDirectory(TenantRepository tenants, TenantMemberRepository members, TenantTransactions transactions) {
        this.tenants = tenants;
        this.members = members;
        this.transactions = transactions;
    }

    @Override
    public Optional<String> nameOf(UUID tenantId) {
        return tenants.findById(tenantId).map(Tenant::name);
    }

    /** The names of several tenants at once, for lists that span tenants. */
    public Map<UUID, String> namesOf(Collection<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<UUID, String>();
        tenants.findByIdIn(tenantIds).forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    /** Active tenants by name: the ones staff may report an incident for. */
    public List<Tenant> activeTenants() {
        return tenants.findAllOrdered().stream().filter(Tenant::active).toList();
    }

    @Override
    public boolean isActive(UUID tenantId) {
        return tenants.findById(tenantId).map(Tenant::active).orElse(false);
    }

    @Override
    public boolean isMember(UUID tenantId, UUID userId) {
        return transactions.read(tenantId, () -> members.isMember(tenantId, userId));
    }

    @Override
    public Optional<Chain> tenantChain(UUID tenantId) {
        return tenants.findById(tenantId).map(t -> new Chain(t.id(), t.name()));
    }

    @Override
    public List<Chain> chains() {
        var chains = new ArrayList<Chain>();
        chains.add(new Chain(TenantTransactions.PLATFORM, "Platform"));
        tenants.findAllOrdered().forEach(t -> chains.add(new Chain(t.id(), t.name())));
        return chains;
    }
}
