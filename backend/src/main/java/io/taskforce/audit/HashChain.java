package io.taskforce.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code hash = SHA-256(previous hash ‖ canonical event)}, both as UTF-8 text (the previous hash in lower-case
 * hex), so {@code printf '%s%s' "$prev" "$event" | sha256sum} recomputes a link. The first event of a chain
 * follows {@link #GENESIS}.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String link(String previousHash, String canonicalEvent) {
        return sha256Hex(previousHash + canonicalEvent);
    }

    public static String sha256Hex(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
