package io.taskforce.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.taskforce.platform.s3.S3Connection;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import static io.taskforce.platform.s3.S3Connection.blank;

/**
 * An S3-compatible bucket with object lock where checkpoints are also recorded, off while no bucket is named. Each
 * object is kept, in the given mode, for the given number of days after its checkpoint was signed: COMPLIANCE (the
 * default) lets nobody shorten or remove it, not even the bucket's owner; GOVERNANCE lets those allowed to bypass
 * it. Values are checked at start ({@link #check}); a wrong one stops the application with the setting's name.
 */
@ConfigurationProperties("taskforce.audit.anchor.s3")
record AnchorS3Settings(@Nullable String bucket,
                        @Nullable String endpoint,
                        @Bindable(defaultValue = "us-east-1") String region,
                        @Nullable String accessKey,
                        @Nullable String secretKey,
                        @Bindable(defaultValue = "false") boolean pathStyle,
                        @Bindable(defaultValue = "3650") String retentionDays,
                        @Bindable(defaultValue = "COMPLIANCE") String mode) {

    static final int MAX_RETENTION_DAYS = 36_500;
    private static final String PREFIX = "taskforce.audit.anchor.s3.";

    boolean configured() {
        return !blank(bucket);
    }

    /** Refuses values that cannot work; outside local runs the endpoint must be https. */
    void check(boolean localRun) {
        if (!configured()) {
            if (!blank(endpoint) || !blank(accessKey)) {
                throw new ConfigurationException(PREFIX + "endpoint or access-key is set but no bucket (AUDIT_ANCHOR_S3_BUCKET): "
                        + "name the bucket with object lock where audit checkpoints go, or clear the other AUDIT_ANCHOR_S3_* settings");
            }
            return;
        }
        lockMode();
        retention();
        if (blank(region)) {
            throw new ConfigurationException(PREFIX + "region (AUDIT_ANCHOR_S3_REGION) is empty");
        }
        if (!blank(endpoint)) {
            URI uri;
            try {
                uri = URI.create(endpoint.strip());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            boolean https = uri != null && "https".equals(uri.getScheme()) && uri.getHost() != null;
            boolean http = uri != null && "http".equals(uri.getScheme()) && uri.getHost() != null;
            if (!https && !(localRun && http)) {
                throw new ConfigurationException(PREFIX + "endpoint (AUDIT_ANCHOR_S3_ENDPOINT) must be an https URL, or empty "
                        + "for AWS S3" + (localRun ? " (local runs may use http)" : "") + "; got '" + endpoint + "'");
            }
        }
    }

    ObjectLockRetentionMode lockMode() {
        String value = mode == null ? "" : mode.strip().toUpperCase(Locale.ROOT);
        if (!value.equals("COMPLIANCE") && !value.equals("GOVERNANCE")) {
            throw new ConfigurationException(PREFIX + "mode (AUDIT_ANCHOR_S3_MODE) must be COMPLIANCE or GOVERNANCE; got '"
                    + mode + "'");
        }
        return ObjectLockRetentionMode.fromValue(value);
    }

    Duration retention() {
        int days;
        try {
            days = Integer.parseInt(retentionDays == null ? "" : retentionDays.strip());
        } catch (NumberFormatException e) {
            days = 0;
        }
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            throw new ConfigurationException(PREFIX + "retention-days (AUDIT_ANCHOR_S3_RETENTION_DAYS) must be a whole number "
                    + "of days from 1 to " + MAX_RETENTION_DAYS + "; got '" + retentionDays + "'");
        }
        return Duration.ofDays(days);
    }

    S3Connection connection() {
        return new S3Connection(endpoint, region, accessKey, secretKey, pathStyle);
    }
}
