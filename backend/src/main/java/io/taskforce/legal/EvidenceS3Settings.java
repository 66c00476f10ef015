package io.taskforce.legal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * S3-compatible object storage for evidence files, off by default. Endpoint blank: AWS itself (by region); access key
 * blank: the SDK's default credentials (environment, web identity, instance role). Path-style addressing for servers
 * that have no per-bucket host names (MinIO, Ceph, Garage). The bucket must exist; objects go under the prefix.
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
}
