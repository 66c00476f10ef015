package io.taskforce.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs the head of every chain that moved since its last checkpoint: periodically ({@link CheckpointJob}, one
 * instance at a time), and on demand. Should two runs meet anyway, a checkpoint is keyed by (chain, seq), so they
 * cannot disagree or duplicate. Each new checkpoint is also recorded outside the database once its transaction
 * committed: in every anchor ({@link CheckpointAnchors}: the directory, the bucket with object lock) and, when
 * configured, with a witness.
 */
@Singleton
public class Checkpoints {

    private final ChainDirectory chains;
    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final CheckpointKey key;
    private final CheckpointAnchors anchors;
    private final CheckpointWitness witness;

    Checkpoints(ChainDirectory chains, TenantTransactions transactions, JdbcOperations jdbc, CheckpointKey key,
                CheckpointAnchors anchors, CheckpointWitness witness) {
        this.chains = chains;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.key = key;
        this.anchors = anchors;
        this.witness = witness;
    }

    public List<Checkpoint> signAll() {
        var made = new ArrayList<Checkpoint>();
        for (var chain : chains.chains()) {
            transactions.write(chain.id(), () -> sign(chain.id())).ifPresent(checkpoint -> {
                made.add(checkpoint);
                anchors.record(checkpoint);
            });
        }
        made.forEach(witness::send);
        return made;
    }

    private Optional<Checkpoint> sign(UUID chain) {
        record Head(long seq, String hash) {
        }
        Head head = jdbc.prepareStatement("select last_seq, last_hash from audit_chain_head where tenant_id = ?", ps -> {
            ps.setObject(1, chain);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
            }
        });
        long lastSigned = jdbc.prepareStatement(
                "select coalesce(max(seq), 0) from audit_checkpoint where tenant_id = ?", ps -> {
                    ps.setObject(1, chain);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        if (head == null || head.seq() <= lastSigned) {
            return Optional.empty();
        }
        var unsigned = new Checkpoint(chain, head.seq(), head.hash(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                key.keyId(), "");
        var checkpoint = new Checkpoint(chain, unsigned.seq(), unsigned.hash(), unsigned.signedAt(), unsigned.keyId(),
                key.sign(unsigned.payload()));
        int inserted = jdbc.prepareStatement("""
                insert into audit_checkpoint (tenant_id, seq, hash, signed_at, key_id, signature)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", ps -> {
            ps.setObject(1, chain);
            ps.setLong(2, checkpoint.seq());
            ps.setString(3, checkpoint.hash());
            ps.setTimestamp(4, Timestamp.from(checkpoint.signedAt()));
            ps.setString(5, checkpoint.keyId());
            ps.setString(6, checkpoint.signature());
            return ps.executeUpdate();
        });
        return inserted == 1 ? Optional.of(checkpoint) : Optional.empty();
    }

    /** The checkpoints of one chain, in order; inside its transaction. */
    List<Checkpoint> ofChain(UUID chain) {
        return jdbc.prepareStatement("""
                select tenant_id, seq, hash, signed_at, key_id, signature from audit_checkpoint
                where tenant_id = ? order by seq""", ps -> {
            ps.setObject(1, chain);
            var list = new ArrayList<Checkpoint>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Checkpoint(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)));
                }
            }
            return list;
        });
    }
}
