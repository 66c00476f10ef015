package io.taskforce.audit;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

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
 * Checkpoints recorded in a directory the database role cannot reach (a volume of its own in Kubernetes): one file
 * per checkpoint, created new and never rewritten, and the public key of every instance that signed one.
 *
 * <p>Layout: {@code <dir>/<chain>/<seq, 19 digits>.json}, each holding the checkpoint line of an export (the
 * signed text and its signature, see deploy/AUDIT.md), and {@code <dir>/keys/<key id>.pem}.
 */
final class DirectoryAnchor implements CheckpointAnchor {

    private final Path dir;
    private final JsonMapper json;

    /** Records this instance's public key at once: a directory that cannot be written stops the start. */
    DirectoryAnchor(String anchorDir, CheckpointKey key, JsonMapper json) {
        this.json = json;
        this.dir = Path.of(anchorDir).toAbsolutePath();
        try {
            Files.createDirectories(dir.resolve("keys"));
            createOnce(dir.resolve("keys").resolve(key.keyId() + ".pem"), key.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the audit anchor directory " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "the anchor directory " + dir;
    }

    /** Writes one checkpoint's file; an existing file is left as it is (never rewritten). */
    @Override
    public void record(Checkpoint checkpoint) {
        try {
            Path chainDir = Files.createDirectories(dir.resolve(checkpoint.chain().toString()));
            createOnce(chainDir.resolve(String.format("%019d.json", checkpoint.seq())), checkpoint.exportLine());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the audit checkpoint of " + checkpoint.chain() + " at "
                    + checkpoint.seq() + " in " + dir, e);
        }
    }

    @Override
    public List<Checkpoint> of(UUID chain) {
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

    @Override
    public List<String> publicKeyPems() {
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

    private static void createOnce(Path file, String content) throws IOException {
        try {
            Files.writeString(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            file.toFile().setReadOnly();
        } catch (FileAlreadyExistsException e) {
            // written before (by this instance earlier, or by another one): the first record stands
        }
    }
}
