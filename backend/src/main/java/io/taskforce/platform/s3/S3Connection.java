package io.taskforce.platform.s3;

import io.micronaut.core.annotation.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/**
 * How to reach an S3-compatible server, the one way every feature builds its client (evidence files, audit anchors).
 * Endpoint blank: AWS itself, by region. Access key blank: the SDK's default credentials (environment, web identity,
 * instance role). Path-style addressing for servers without per-bucket host names (MinIO, Ceph, Garage). The client
 * uses the JDK's HTTP stack (no Netty, no Apache client); whoever builds one closes it.
 */
public record S3Connection(@Nullable String endpoint, String region, @Nullable String accessKey,
                           @Nullable String secretKey, boolean pathStyle) {

    public S3Client client() {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region.strip()))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials());
        if (!blank(endpoint)) {
            builder.endpointOverride(URI.create(endpoint.strip()));
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        if (blank(accessKey)) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.strip(),
                secretKey == null ? "" : secretKey.strip()));
    }

    public static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
