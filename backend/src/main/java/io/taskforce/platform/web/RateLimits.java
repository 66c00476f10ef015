package io.taskforce.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets per user and per address, refilled every minute (Bucket4j), kept in a bounded map whose idle
 * entries expire (Caffeine). Limits hold per application instance: with N instances behind a balancer, a caller gets
 * up to N times as many.
 */
final class RateLimits {

    /** How long the caller should wait before trying again, in whole seconds (at least 1). */
    record Refused(long retryAfterSeconds) {
    }

    @ConfigurationProperties("taskforce.rate-limits")
    record Settings(boolean enabled, int userWritesPerMinute, int addressWritesPerMinute, int anonymousPerMinute) {
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    /** Takes one token from the bucket of that key; answers why not when it is empty. */
    Optional<Refused> take(String key, int perMinute) {
        var bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Optional.of(new Refused(seconds));
    }
}
