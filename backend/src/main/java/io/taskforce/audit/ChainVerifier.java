package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Walks a chain in sequence order and recomputes every link. Pure: fed one event at a time, it remembers the
 * first broken link and the hash at each sequence number a checkpoint names.
 */
final class ChainVerifier implements Consumer<AuditEvent> {

    private final Map<Long, String> checkpointHashes;
    private final Map<Long, String> seenAtCheckpoints = new HashMap<>();
    private long expectedSeq = 1;
    private String previousHash = HashChain.GENESIS;
    private long events;
    private BrokenLink firstBroken;

    /** @param checkpointHashes hash recorded by each signed checkpoint, by sequence number */
    ChainVerifier(Map<Long, String> checkpointHashes) {
        this.checkpointHashes = checkpointHashes;
    }

    @Override
    public void accept(AuditEvent event) {
        events++;
        if (checkpointHashes.containsKey(event.seq())) {
            seenAtCheckpoints.put(event.seq(), event.hash());
        }
        if (firstBroken != null) {
            return;
        }
        if (event.seq() != expectedSeq) {
            firstBroken = new BrokenLink(expectedSeq, event.seq() > expectedSeq
                    ? "event " + expectedSeq + " is missing (the next one stored is " + event.seq() + ")"
                    : "sequence number " + event.seq() + " appears out of order");
            return;
        }
        if (!event.prevHash().equals(previousHash)) {
            firstBroken = new BrokenLink(event.seq(), "its previous-hash does not match the hash of event " + (event.seq() - 1));
            return;
        }
        String recomputed = HashChain.link(previousHash, event.canonical());
        if (!recomputed.equals(event.hash())) {
            firstBroken = new BrokenLink(event.seq(), "its content does not match its hash (the event was altered)");
            return;
        }
        previousHash = event.hash();
        expectedSeq++;
    }

    /** The outcome, once every event has been fed; checks the signed checkpoints against what was seen. */
    Result result() {
        long headSeq = expectedSeq - 1;
        BrokenLink broken = firstBroken;
        if (broken == null) {
            for (var checkpoint : new TreeMap<>(checkpointHashes).entrySet()) {
                String seen = seenAtCheckpoints.get(checkpoint.getKey());
                if (seen == null) {
                    broken = new BrokenLink(checkpoint.getKey(), "a signed checkpoint vouches for event "
                            + checkpoint.getKey() + ", which is no longer in the chain (events were removed)");
                    break;
                }
                if (!seen.equals(checkpoint.getValue())) {
                    broken = new BrokenLink(checkpoint.getKey(), "the chain was rewritten: event "
                            + checkpoint.getKey() + " no longer has the hash its signed checkpoint vouches for");
                    break;
                }
            }
        }
        return new Result(events, headSeq, broken);
    }

    record BrokenLink(long seq, String reason) {
    }

    record Result(long events, long headSeq, @Nullable BrokenLink firstBroken) {
        boolean valid() {
            return firstBroken == null;
        }
    }
}
