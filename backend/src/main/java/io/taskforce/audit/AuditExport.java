package io.taskforce.audit;

import io.micronaut.context.annotation.Value;
import io.taskforce.identity.Caller;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * A chain as JSON Lines that an outsider can verify with standard tools (see deploy/AUDIT.md): one line per
 * event with the exact hashed text, then one line per signed checkpoint. A redacted export leaves out the
 * changed values (they may be case content); events since V14 commit to them with a keyed hash only.
 *
 * <p>The export streams: a worker reads the chain through a database cursor and writes each line into a pipe that
 * the response reads, so neither the heap nor the disk holds the whole chain. Each export holds a connection for as
 * long as the client reads, so only a few run at once per instance (taskforce.audit.export-concurrency); beyond
 * that the caller is told to come back later.
 */
@Singleton
public class AuditExport {

    private static final Logger LOG = LoggerFactory.getLogger(AuditExport.class);
    private static final int PIPE_BYTES = 64 * 1024;

    private final AuditTrail trail;
    private final Checkpoints checkpoints;
    private final TenantTransactions transactions;
    private final Semaphore slots;

    AuditExport(AuditTrail trail, Checkpoints checkpoints, TenantTransactions transactions,
                @Value("${taskforce.audit.export-concurrency:2}") int concurrency) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.transactions = transactions;
        this.slots = new Semaphore(concurrency);
    }

    /** Records the export in the chain's own trail, then streams the chain. */
    public InputStream jsonLines(Caller caller, UUID chain, boolean withChanges) {
        if (!slots.tryAcquire()) {
            throw new ExportsBusyException();
        }
        try {
            transactions.write(chain, () -> trail.record(caller, AuditEntry.of("audit.exported", "audit_chain",
                    AuditVerification.chainName(chain), Changes.of().set("redacted", !withChanges))));
            var in = new PipedInputStream(PIPE_BYTES);
            var out = new PipedOutputStream(in);
            // a thread of its own, ending with the export: if it fails, the reader learns that the writer is gone
            // (a pooled thread would stay alive and leave the reader waiting)
            var worker = new Thread(() -> stream(chain, withChanges, out), "audit-export-" + chain);
            worker.setDaemon(true);
            worker.start();
            return in;
        } catch (IOException | RuntimeException e) {
            slots.release();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * Closes the pipe only when everything was written: on a failure the thread ends with the pipe open, and the
     * reader gets an error ("write end dead") instead of an end of file, so a cut-short export never looks complete.
     */
    private void stream(UUID chain, boolean withChanges, PipedOutputStream pipe) {
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), PIPE_BYTES / 2);
            transactions.read(chain, () -> {
                write(out, chain, withChanges);
                return null;
            });
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The audit export of {} stopped: {}", chain, e.toString());
        } finally {
            slots.release();
        }
    }

    private void write(Writer out, UUID chain, boolean withChanges) {
        trail.forEachInOrder(chain, event -> {
            var line = new LinkedHashMap<String, Object>();
            line.put("seq", event.seq());
            line.put("prev_hash", event.prevHash());
            line.put("hash", event.hash());
            line.put("event", event.canonical());
            line.put("changes", withChanges ? event.changes() : null);
            if (event.clientRequestId() != null) {
                line.put("client_request_id", event.clientRequestId());
            }
            writeLine(out, CanonicalJson.write(line));
        });
        for (var checkpoint : checkpoints.ofChain(chain)) {
            writeLine(out, checkpoint.exportLine());
        }
    }

    private static void writeLine(Writer out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
