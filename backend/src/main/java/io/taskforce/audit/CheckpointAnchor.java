package io.taskforce.audit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Checkpoints recorded outside the database, in a directory the database role cannot reach (a volume of its
 * own in Kubernetes): one file per checkpoint, created new and never rewritten, and the public key of every
 * instance that signed one. Whoever can write the database can delete events with their checkpoint rows; these
 * files still remember what was signed, and verification compares the two.
 *
 * <p>Layout: {@code <dir>/<chain>/<seq, 19 digits>.json}, each holding the checkpoint line of an export (the
 * signed text and its signature, see deploy/AUDIT.md), and {@code <dir>/keys/<key id>.pem}.
 */
@Context
final class CheckpointAnchor {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointAnchor.class);

    private final Path dir;
    private final JsonMapper json;

    CheckpointAnchor(@Value("${taskforce.audit.anchor-dir:}") String anchorDir,
                     @Value("${taskforce.local-run:false}") boolean localRun, CheckpointKey key, JsonMapper json) {
        this.json = json;
        if (anchorDir == null || anchorDir.isBlank()) {
            if (!localRun) {
                throw new ConfigurationException("taskforce.audit.anchor-dir (AUDIT_ANCHOR_DIR) is not set: refusing "
                        + "to start without a place outside the database for audit checkpoints");
            }
            LOG.warn("No audit anchor directory (AUDIT_ANCHOR_DIR): checkpoints are kept in the database only");
            this.dir = null;
            return;
        }
        this.dir = Path.of(anchorDir).toAbsolutePath();
        try {
            Files.createDirectories(dir.resolve("keys"));
            createOnce(dir.resolve("keys").resolve(key.keyId() + ".pem"), key.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the audit anchor directory " + dir, e);
        }
    }

    boolean enabled() {
        return dir != null;
    }

    /** Writes one checkpoint's file; an existing file is left as it is (never rewritten). */
    void record(Checkpoint checkpoint) {
        if (dir == null) {
            return;
        }
        try {
            Path chainDir = Files.createDirectories(dir.resolve(checkpoint.chain().toString()));
            createOnce(chainDir.resolve(fileName(checkpoint.seq())), checkpoint.exportLine());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the audit checkpoint of " + checkpoint.chain() + " at "
                    + checkpoint.seq() + " in " + dir, e);
        }
    }

    /** The checkpoints recorded for a chain, in sequence order. */
    List<Checkpoint> of(UUID chain) {
        if (dir == null) {
            return List.of();
        }
        Path chainDir = dir.resolve(chain.toString());
        if (!Files.isDirectory(chainDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(chainDir)) {
            var list = new ArrayList<Checkpoint>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                list.add(Checkpoint.fromExportLine(json.readValue(Files.readAllBytes(file),
                        Argument.mapOf(String.class, String.class)), json));
            }
            list.sort(Comparator.comparingLong(Checkpoint::seq));
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints recorded in " + chainDir, e);
        }
    }

    /** The public keys recorded by every instance that ever signed (PEM text). */
    List<String> publicKeyPems() {
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.resolve("keys"))) {
            var pems = new ArrayList<String>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")).toList()) {
                pems.add(Files.readString(file));
            }
            return pems;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the public keys in " + dir.resolve("keys"), e);
        }
    }

    private static String fileName(long seq) {
        return String.format("%019d.json", seq);
    }

    private static void createOnce(Path file, String content) throws IOException {
        try {
            Files.writeString(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            file.toFile().setReadOnly();
        } catch (FileAlreadyExistsException e) {
            // written before (by this instance earlier, or by another one): the first record stands
        }
    }
}
