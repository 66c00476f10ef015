package io.taskforce.audit;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The checkpoint as a line of an export, and as a file in the anchor directory. */
    String exportLine() {
        var line = new LinkedHashMap<String, Object>();
        line.put("checkpoint", payload());
        line.put("signature", signature);
        return CanonicalJson.write(line);
    }

    /** Reads back {@link #exportLine()}. */
    static Checkpoint fromExportLine(Map<String, String> line, JsonMapper json) {
        try {
            Map<String, Object> p = json.readValue(line.get("checkpoint"), Argument.mapOf(String.class, Object.class));
            return new Checkpoint(UUID.fromString((String) p.get("chain")), ((Number) p.get("seq")).longValue(),
                    (String) p.get("hash"), Instant.parse((String) p.get("signed_at")), (String) p.get("key_id"),
                    line.get("signature"));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a checkpoint line", e);
        }
    }
}
