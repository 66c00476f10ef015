package io.taskforce.legal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.taskforce.platform.s3.S3Connection;

/**
 * S3-compatible object storage for evidence files, off by default; how the server is reached is {@link S3Connection}'s
 * business. The bucket must exist; objects go under the prefix.
 */
@ConfigurationProperties("taskforce.evidence.s3")
record EvidenceS3Settings(@Bindable(defaultValue = "false") boolean enabled,
                          @Nullable String endpoint,
                          @Bindable(defaultValue = "us-east-1") String region,
                          @Nullable String bucket,
                          @Nullable String accessKey,
                          @Nullable String secretKey,
                          @Bindable(defaultValue = "false") boolean pathStyle,
                          @Bindable(defaultValue = "evidence/") String prefix) {

    S3Connection connection() {
        return new S3Connection(endpoint, region, accessKey, secretKey, pathStyle);
    }
}
