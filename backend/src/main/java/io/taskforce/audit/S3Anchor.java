package io.taskforce.audit;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.taskforce.platform.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Checkpoints recorded in an S3-compatible bucket with object lock: one object per checkpoint,
 * {@code checkpoints/<chain>/<seq, 19 digits>.json} holding the line of an export (as the anchor directory does), and
 * {@code keys/<key id>.pem} for every instance's public key. Each is written only where nothing is
 * ({@code If-None-Match: *}), with its SHA-256 for the server to check, and locked until its retention ends: not even
 * the bucket's owner can remove or overwrite that version in COMPLIANCE mode. A plain delete only hides an object
 * behind a delete marker, so the record is read from every version of every object, never from the listing alone.
 *
 * <p>The application refuses to start when the bucket does not have object lock on (or cannot be asked).
 */
final class S3Anchor implements CheckpointAnchor, AutoCloseable {

    static final String CHECKPOINTS = "checkpoints/";
    static final String KEYS = "keys/";
    private static final Logger LOG = LoggerFactory.getLogger(S3Anchor.class);

    private final S3Client s3;
    private final String bucket;
    private final ObjectLockRetentionMode mode;
    private final Duration retention;
    private final JsonMapper json;

    /** Settings already {@link AnchorS3Settings#check checked}. Records this instance's public key at once. */
    S3Anchor(AnchorS3Settings settings, CheckpointKey key, JsonMapper json) {
        this.bucket = settings.bucket().strip();
        this.mode = settings.lockMode();
        this.retention = settings.retention();
        this.json = json;
        this.s3 = settings.connection().client();
        try {
            requireObjectLock();
            put(KEYS + key.keyId() + ".pem", key.publicKeyPem(), "application/x-pem-file", Instant.now());
        } catch (SdkException e) {
            s3.close();
            throw new ConfigurationException("Cannot record this instance's public key in the audit anchor bucket '" + bucket
                    + "' (" + e.getMessage() + "): refusing to start");
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "the anchor bucket " + bucket;
    }

    @Override
    public void record(Checkpoint checkpoint) {
        put(objectKey(checkpoint.chain(), checkpoint.seq()), checkpoint.exportLine(), "application/json", checkpoint.signedAt());
    }

    static String objectKey(UUID chain, long seq) {
        return CHECKPOINTS + chain + "/" + String.format("%019d.json", seq);
    }

    @Override
    public List<Checkpoint> of(UUID chain) {
        var list = new ArrayList<Checkpoint>();
        for (String line : everyVersionUnder(CHECKPOINTS + chain + "/")) {
            try {
                list.add(Checkpoint.fromExportLine(json.readValue(line, Argument.mapOf(String.class, String.class)), json));
            } catch (IOException e) {
                throw new UncheckedIOException("An object under " + CHECKPOINTS + chain + "/ in the audit anchor bucket "
                        + bucket + " is not a checkpoint line", e);
            }
        }
        list.sort(Comparator.comparingLong(Checkpoint::seq));
        return list;
    }

    @Override
    public List<String> publicKeyPems() {
        return everyVersionUnder(KEYS);
    }

    @Override
    public void close() {
        s3.close();
    }

    private void requireObjectLock() {
        ObjectLockEnabled enabled;
        try {
            var configuration = s3.getObjectLockConfiguration(get -> get.bucket(bucket)).objectLockConfiguration();
            enabled = configuration == null ? null : configuration.objectLockEnabled();
        } catch (S3Exception e) {
            if (!"ObjectLockConfigurationNotFoundError".equals(e.awsErrorDetails().errorCode())) {
                throw new ConfigurationException("Cannot read the object lock configuration of the audit anchor bucket '"
                        + bucket + "' (" + e.statusCode() + " " + e.awsErrorDetails().errorCode() + "): refusing to start");
            }
            enabled = null;
        } catch (SdkException e) {
            throw new ConfigurationException("Cannot reach the audit anchor bucket '" + bucket + "' (" + e.getMessage()
                    + "): refusing to start");
        }
        if (enabled != ObjectLockEnabled.ENABLED) {
            throw new ConfigurationException("The audit anchor bucket '" + bucket + "' does not have S3 Object Lock enabled: "
                    + "refusing to start, since its objects could be deleted or overwritten. Use a bucket created with object "
                    + "lock (AUDIT_ANCHOR_S3_BUCKET), or leave it empty to anchor in AUDIT_ANCHOR_DIR only");
        }
    }

    /** Writes an object where none is, locked until {@code from} plus the retention; an existing object stands. */
    private void put(String key, String content, String contentType, Instant from) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Instant retainUntil = from.plus(retention).truncatedTo(ChronoUnit.SECONDS);
        try {
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType).ifNoneMatch("*")
                            .objectLockMode(mode.toString()).objectLockRetainUntilDate(retainUntil)
                            .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(sha256Base64(bytes)),
                    RequestBody.fromBytes(bytes));
        } catch (S3Exception e) {
            if (e.statusCode() != 412) {
                throw e;
            }
            // recorded before (by this instance earlier, or by another one): the first record stands
        }
    }

    /** The text of every version of every object under a prefix (delete markers hide nothing from this). */
    private List<String> everyVersionUnder(String prefix) {
        try {
            var texts = new ArrayList<String>();
            for (var page : s3.listObjectVersionsPaginator(list -> list.bucket(bucket).prefix(prefix))) {
                for (var version : page.versions()) {
                    texts.add(s3.getObjectAsBytes(get -> get.bucket(bucket).key(version.key())
                            .versionId(version.versionId())).asUtf8String());
                }
            }
            return texts;
        } catch (SdkException e) {
            LOG.error("Could not read the audit anchor bucket {} under {}", bucket, prefix, e);
            throw ApiException.unavailable("The audit anchor bucket could not be read, so nothing was verified. Try again later.");
        }
    }

    private static String sha256Base64(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
