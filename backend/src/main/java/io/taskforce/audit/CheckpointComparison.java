package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pure: weighs a chain's checkpoints as the database stores them against those recorded outside it. A checkpoint
 * only counts when its signature verifies with the key its id names; an anchored checkpoint missing from the
 * database, or different there, means the database was edited. The authentic hashes (the anchored one wins) are
 * what {@link ChainVerifier} then checks the events against.
 */
final class CheckpointComparison {

    private final Map<Long, String> hashes = new HashMap<>();
    private final TreeMap<Long, String> problems = new TreeMap<>();

    CheckpointComparison(List<Checkpoint> stored, List<Checkpoint> anchored,
                         Function<Checkpoint, CheckpointKeyRing.Verdict> verdicts) {
        var storedBySeq = new HashMap<Long, Checkpoint>();
        for (var checkpoint : stored) {
            storedBySeq.put(checkpoint.seq(), checkpoint);
            switch (verdicts.apply(checkpoint)) {
                case AUTHENTIC -> hashes.put(checkpoint.seq(), checkpoint.hash());
                case UNKNOWN_KEY -> problem(checkpoint.seq(), "the checkpoint at event " + checkpoint.seq()
                        + " is signed with an unknown key (key id " + checkpoint.keyId() + ")");
                case BAD_SIGNATURE -> problem(checkpoint.seq(), "the checkpoint at event " + checkpoint.seq()
                        + " is not signed by the platform's key " + checkpoint.keyId());
            }
        }
        for (var recorded : anchored) {
            if (verdicts.apply(recorded) != CheckpointKeyRing.Verdict.AUTHENTIC) {
                problem(recorded.seq(), "the checkpoint at event " + recorded.seq()
                        + " recorded outside the database is not signed by a known key");
                continue;
            }
            hashes.put(recorded.seq(), recorded.hash());
            var inDatabase = storedBySeq.get(recorded.seq());
            if (inDatabase == null) {
                problem(recorded.seq(), "the checkpoint at event " + recorded.seq() + " recorded outside the database "
                        + "is missing from the database (events and their checkpoints were removed)");
            } else if (!inDatabase.equals(recorded)) {
                problem(recorded.seq(), "the checkpoint at event " + recorded.seq()
                        + " differs from the one recorded outside the database");
            }
        }
    }

    private void problem(long seq, String reason) {
        problems.putIfAbsent(seq, reason);
    }

    /** The signed hash at each sequence number that an authentic checkpoint vouches for. */
    Map<Long, String> hashes() {
        return hashes;
    }

    /** The problem at the lowest sequence number, if any. */
    @Nullable ChainVerifier.BrokenLink firstProblem() {
        var first = problems.firstEntry();
        return first == null ? null : new ChainVerifier.BrokenLink(first.getKey(), first.getValue());
    }
}
