package io.taskforce.messages;

import io.taskforce.audit.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The exact words of a revision: what a lawyer approves and what leaves. Channels and audience are kept sorted and
 * without repeats, so the same words always have the same hash, whatever order a form sent them in.
 */
public record MessageContent(String title, String body, List<Channel> channels, List<Audience> audience, String language) {

    public MessageContent {
        Objects.requireNonNull(title);
        Objects.requireNonNull(body);
        Objects.requireNonNull(language);
        channels = channels.stream().distinct().sorted().toList();
        audience = audience.stream().distinct().sorted().toList();
    }

    /**
     * SHA-256 of the canonical JSON (RFC 8785 style, as the audit trail hashes) of title, body, channels, audience
     * and language: anyone holding the words can recompute it, e.g. {@code jq -cjS '{title,body,channels,audience,language}' | sha256sum}.
     */
    public String sha256() {
        var canonical = new LinkedHashMap<String, Object>();
        canonical.put("audience", audience.stream().map(Enum::name).toList());
        canonical.put("body", body);
        canonical.put("channels", channels.stream().map(Enum::name).toList());
        canonical.put("language", language);
        canonical.put("title", title);
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.write(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
