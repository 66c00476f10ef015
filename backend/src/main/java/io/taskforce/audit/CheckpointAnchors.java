package io.taskforce.audit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.taskforce.platform.s3.S3Connection.blank;

/**
 * The places outside the database where checkpoints are recorded: the anchor directory (AUDIT_ANCHOR_DIR) and an S3
 * bucket with object lock (AUDIT_ANCHOR_S3_BUCKET), either or both. Outside local runs the application refuses to
 * start with neither. Created at start, so that an anchor that cannot be used stops the application, not the first
 * checkpoint.
 */
@Context
final class CheckpointAnchors {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointAnchors.class);

    private final List<CheckpointAnchor> anchors;

    @Inject
    CheckpointAnchors(@Value("${taskforce.audit.anchor-dir:}") String anchorDir, AnchorS3Settings s3,
                      @Value("${taskforce.local-run:false}") boolean localRun, CheckpointKey key, JsonMapper json) {
        s3.check(localRun);
        var configured = new ArrayList<CheckpointAnchor>();
        if (!blank(anchorDir)) {
            configured.add(new DirectoryAnchor(anchorDir, key, json));
        }
        if (s3.configured()) {
            configured.add(new S3Anchor(s3, key, json));
        }
        if (configured.isEmpty()) {
            if (!localRun) {
                throw new ConfigurationException("Neither taskforce.audit.anchor-dir (AUDIT_ANCHOR_DIR) nor "
                        + "taskforce.audit.anchor.s3.bucket (AUDIT_ANCHOR_S3_BUCKET) is set: refusing to start without a "
                        + "place outside the database for audit checkpoints");
            }
            LOG.warn("No audit anchor (AUDIT_ANCHOR_DIR, AUDIT_ANCHOR_S3_BUCKET): checkpoints are kept in the database only");
        }
        this.anchors = List.copyOf(configured);
    }

    CheckpointAnchors(List<CheckpointAnchor> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /**
     * Records a checkpoint in every anchor, after its transaction committed. An anchor that fails is logged and the
     * others still record it; nothing is retried: the chain's next checkpoint vouches for everything before it and is
     * recorded in its turn.
     */
    void record(Checkpoint checkpoint) {
        for (var anchor : anchors) {
            try {
                anchor.record(checkpoint);
            } catch (RuntimeException e) {
                LOG.error("Audit checkpoint of {} at {} not recorded in {}", checkpoint.chain(), checkpoint.seq(), anchor, e);
            }
        }
    }

    /** Every checkpoint of a chain that any anchor recorded (an anchor that cannot be read fails the call). */
    List<Checkpoint> of(UUID chain) {
        return anchors.stream().flatMap(anchor -> anchor.of(chain).stream()).toList();
    }

    List<String> publicKeyPems() {
        return anchors.stream().flatMap(anchor -> anchor.publicKeyPems().stream()).toList();
    }

    @PreDestroy
    void close() throws Exception {
        for (var anchor : anchors) {
            if (anchor instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
