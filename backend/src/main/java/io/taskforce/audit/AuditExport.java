package io.taskforce.audit;

import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * A chain as JSON Lines that an outsider can verify with standard tools (see deploy/AUDIT.md): one line per
 * event with the exact hashed text, then one line per signed checkpoint. A redacted export leaves out the
 * changed values (they may be case content) but keeps their hash, so the chain still verifies.
 */
@Singleton
public class AuditExport {

    private final AuditTrail trail;
    private final Checkpoints checkpoints;
    private final TenantTransactions transactions;

    AuditExport(AuditTrail trail, Checkpoints checkpoints, TenantTransactions transactions) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.transactions = transactions;
    }

    public String jsonLines(UUID chain, boolean withChanges) {
        return transactions.read(chain, () -> {
            var out = new StringBuilder();
            trail.forEachInOrder(event -> {
                var line = new LinkedHashMap<String, Object>();
                line.put("seq", event.seq());
                line.put("prev_hash", event.prevHash());
                line.put("hash", event.hash());
                line.put("event", event.canonical());
                line.put("changes", withChanges ? event.changes() : null);
                out.append(CanonicalJson.write(line)).append('\n');
            });
            for (var checkpoint : checkpoints.ofCurrentChain()) {
                var line = new LinkedHashMap<String, Object>();
                line.put("checkpoint", checkpoint.payload());
                line.put("signature", checkpoint.signature());
                out.append(CanonicalJson.write(line)).append('\n');
            }
            return out.toString();
        });
    }
}
