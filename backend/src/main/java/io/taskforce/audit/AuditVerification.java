package io.taskforce.audit;

import io.taskforce.identity.Caller;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Recomputes chains from the stored events and checks them against their signed checkpoints, those in the
 * database and those recorded outside it.
 */
@Singleton
public class AuditVerification {

    private final AuditTrail trail;
    private final Checkpoints checkpoints;
    private final CheckpointAnchors anchors;
    private final CheckpointKeyRing keys;
    private final ChainDirectory chains;
    private final TenantTransactions transactions;

    AuditVerification(AuditTrail trail, Checkpoints checkpoints, CheckpointAnchors anchors, CheckpointKeyRing keys,
                      ChainDirectory chains, TenantTransactions transactions) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.anchors = anchors;
        this.keys = keys;
        this.chains = chains;
        this.transactions = transactions;
    }

    public List<ChainVerification> verifyAll() {
        return chains.chains().stream().map(c -> verify(c.id(), c.name())).toList();
    }

    /** Every chain, verified at a platform admin's request: the request is recorded in the platform chain. */
    List<ChainVerification> verifyAll(Caller caller) {
        var results = verifyAll();
        long invalid = results.stream().filter(r -> !r.valid()).count();
        recordRequest(caller, TenantTransactions.PLATFORM, "all", Changes.of()
                .set("chains", results.size()).set("invalid", invalid));
        return results;
    }

    /** One chain, verified at a caller's request: the request (and what it found) is recorded in that chain. */
    ChainVerification verify(Caller caller, UUID chain, String name) {
        var result = verify(chain, name);
        recordRequest(caller, chain, chainName(chain), Changes.of().set("valid", result.valid())
                .set("head_seq", result.headSeq()));
        return result;
    }

    private void recordRequest(Caller caller, UUID chain, String entityId, Changes changes) {
        transactions.write(chain, () -> trail.record(caller, AuditEntry.of("audit.verified", "audit_chain", entityId,
                changes)));
    }

    public ChainVerification verify(UUID chain, String name) {
        // the record outside the database first: a checkpoint signed meanwhile is then in the database too
        var anchored = anchors.of(chain);
        var verdicts = keys.snapshot();
        return transactions.read(chain, () -> {
            var signed = checkpoints.ofChain(chain);
            var comparison = new CheckpointComparison(signed, anchored, verdicts);
            var verifier = new ChainVerifier(comparison.hashes());
            trail.forEachInOrder(chain, verifier);
            var result = verifier.result();
            var broken = first(result.firstBroken(), comparison.firstProblem());
            Long lastCheckpoint = signed.isEmpty() ? null : signed.get(signed.size() - 1).seq();
            return new ChainVerification(chainName(chain), name, result.events(), result.headSeq(), broken == null,
                    broken == null ? null : new ChainVerification.BrokenLink(broken.seq(), broken.reason()),
                    signed.size(), lastCheckpoint);
        });
    }

    /** The earlier of the two; at the same event, the checkpoint's account (it says what was removed or forged). */
    private static ChainVerifier.BrokenLink first(ChainVerifier.BrokenLink chain, ChainVerifier.BrokenLink checkpoint) {
        if (chain == null || checkpoint != null && checkpoint.seq() <= chain.seq()) {
            return checkpoint;
        }
        return chain;
    }

    static String chainName(UUID chain) {
        return TenantTransactions.PLATFORM.equals(chain) ? "platform" : chain.toString();
    }
}
