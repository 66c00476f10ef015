package io.taskforce.audit;

import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /**
     * Writes the chain to a temporary file and returns a stream that deletes it once read: the export may be
     * far larger than the heap, and the read transaction ends before the response is sent.
     */
    public InputStream jsonLines(UUID chain, boolean withChanges) {
        try {
            Path file = Files.createTempFile("audit-export-", ".jsonl");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                transactions.read(chain, () -> {
                    write(out, withChanges);
                    return null;
                });
            }
            return Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit export", e);
        }
    }

    private void write(Writer out, boolean withChanges) {
        trail.forEachInOrder(event -> {
            var line = new LinkedHashMap<String, Object>();
            line.put("seq", event.seq());
            line.put("prev_hash", event.prevHash());
            line.put("hash", event.hash());
            line.put("event", event.canonical());
            line.put("changes", withChanges ? event.changes() : null);
            writeLine(out, line);
        });
        for (var checkpoint : checkpoints.ofCurrentChain()) {
            var line = new LinkedHashMap<String, Object>();
            line.put("checkpoint", checkpoint.payload());
            line.put("signature", checkpoint.signature());
            writeLine(out, line);
        }
    }

    private static void writeLine(Writer out, Object line) {
        try {
            out.write(CanonicalJson.write(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
