package io.taskforce.legal;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.s3.S3Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Evidence files as objects in an S3-compatible bucket, keyed {@code <prefix><tenant>/<case>/<evidence>}. An object is
 * written before its row and never over another ({@code If-None-Match: *}); the server checks the SHA-256 sent with it
 * on receipt. If the row's transaction then fails and the row is surely not there, the object is deleted again. When
 * that cannot be told, or the delete fails, the object stays: harmless, since its key holds a fresh random id and
 * files are only ever served through the row that names them.
 */
// created at start-up, so that S3 switched on without a bucket stops the application rather than the first upload
@Context
@Requires(property = "taskforce.evidence.s3.enabled", value = "true")
class S3EvidenceFiles implements EvidenceFiles {

    static final String STORAGE = "S3";
    private static final Logger LOG = LoggerFactory.getLogger(S3EvidenceFiles.class);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3EvidenceFiles(EvidenceS3Settings settings) {
        if (S3Connection.blank(settings.bucket())) {
            throw new IllegalStateException("taskforce.evidence.s3.enabled is true but taskforce.evidence.s3.bucket is not set");
        }
        this.bucket = settings.bucket().strip();
        this.prefix = settings.prefix() == null ? "" : settings.prefix().strip();
        this.s3 = settings.connection().client();
    }

    @Override
    public String storage() {
        return STORAGE;
    }

    @Override
    public String keep(NewFile file) {
        String key = prefix + file.tenantId() + "/" + file.caseId() + "/" + file.evidenceId();
        try {
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(file.contentType()).ifNoneMatch("*")
                            .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())))
                            .metadata(Map.of("sha256", file.sha256())),
                    RequestBody.fromBytes(file.bytes()));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw new IllegalStateException("An evidence object already exists at " + key + "; evidence is never overwritten", e);
            }
            throw unavailable("write", key, e);
        } catch (SdkException e) {
            throw unavailable("write", key, e);
        }
        return key;
    }

    @Override
    public void attach(NewFile file) {
        // kept before the transaction
    }

    @Override
    public void discard(@Nullable String key) {
        if (key == null) {
            return;
        }
        try {
            s3.deleteObject(delete -> delete.bucket(bucket).key(key));
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the evidence object {} whose row was not saved; no row names it, it is never served", key, e);
        }
    }

    @Override
    public byte[] read(UUID tenantId, UUID evidenceId, @Nullable String key) {
        if (key == null) {
            return null;
        }
        try {
            return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        } catch (SdkException e) {
            throw unavailable("read", key, e);
        }
    }

    /** The bucket did not answer as it should: the caller is told to try again, the details go to the log only. */
    private static ApiException unavailable(String what, String key, SdkException e) {
        LOG.error("Could not {} the evidence object {}", what, key, e);
        return ApiException.unavailable("The evidence file storage is unavailable; nothing was saved or served. Try again later.");
    }

    @PreDestroy
    void close() {
        s3.close();
    }

}
