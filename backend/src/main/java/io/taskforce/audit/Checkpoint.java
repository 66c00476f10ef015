package io.taskforce.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;

/** A signed statement that a chain's event {@code seq} had this hash at {@code signedAt}. */
@Serdeable
public record Checkpoint(UUID chain, long seq, String hash, Instant signedAt, String keyId, String signature) {

    /** The exact text that is signed. */
    public String payload() {
        var map = new LinkedHashMap<String, Object>();
        map.put("chain", chain);
        map.put("seq", seq);
        map.put("hash", hash);
        map.put("signed_at", CanonicalJson.instant(signedAt));
        map.put("key_id", keyId);
        return CanonicalJson.write(map);
    }
}
