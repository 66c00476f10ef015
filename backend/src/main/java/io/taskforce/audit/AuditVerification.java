package io.taskforce.audit;

import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/** Recomputes chains from the stored events and checks them against their signed checkpoints. */
@Singleton
public class AuditVerification {

    private final AuditTrail trail;
    private final Checkpoints checkpoints;
    private final ChainDirectory chains;
    private final TenantTransactions transactions;

    AuditVerification(AuditTrail trail, Checkpoints checkpoints, ChainDirectory chains, TenantTransactions transactions) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.chains = chains;
        this.transactions = transactions;
    }

    public List<ChainVerification> verifyAll() {
        return chains.chains().stream().map(c -> verify(c.id(), c.name())).toList();
    }

    public ChainVerification verify(UUID chain, String name) {
        return transactions.read(chain, () -> {
            var signed = checkpoints.ofCurrentChain();
            var hashes = new HashMap<Long, String>();
            ChainVerification.BrokenLink forged = null;
            for (var checkpoint : signed) {
                if (!checkpoints.authentic(checkpoint)) {
                    forged = forged != null ? forged : new ChainVerification.BrokenLink(checkpoint.seq(),
                            "the checkpoint at event " + checkpoint.seq() + " is not signed by the platform's key");
                } else {
                    hashes.put(checkpoint.seq(), checkpoint.hash());
                }
            }
            var verifier = new ChainVerifier(hashes);
            trail.forEachInOrder(verifier);
            var result = verifier.result();
            var broken = result.firstBroken() == null ? forged
                    : new ChainVerification.BrokenLink(result.firstBroken().seq(), result.firstBroken().reason());
            Long lastCheckpoint = signed.isEmpty() ? null : signed.get(signed.size() - 1).seq();
            return new ChainVerification(chainName(chain), name, result.events(), result.headSeq(), broken == null,
                    broken, signed.size(), lastCheckpoint);
        });
    }

    static String chainName(UUID chain) {
        return TenantTransactions.PLATFORM.equals(chain) ? "platform" : chain.toString();
    }
}
