package io.taskforce.audit;

import java.util.List;
import java.util.UUID;

/**
 * A record of signed checkpoints kept where the database role cannot reach: whoever can write the database can
 * delete events with their checkpoint rows, and an anchor still remembers what was signed. Verification compares the
 * two ({@link CheckpointComparison}). Each anchor also keeps the public key of every instance that signed, so the
 * database never supplies a key. {@link CheckpointAnchors} holds the ones configured.
 */
interface CheckpointAnchor {

    /** Keeps one checkpoint, never over an earlier record of it (the first record stands); throws when it cannot. */
    void record(Checkpoint checkpoint);

    /** Every checkpoint recorded for a chain. */
    List<Checkpoint> of(UUID chain);

    /** The public keys recorded by every instance that ever signed (PEM text). */
    List<String> publicKeyPems();
}
