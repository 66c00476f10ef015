package io.taskforce.messages;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** A holding statement with blanks, and the lawyer's approval of its words (firm-wide, not per tenant). */
record MessageTemplate(String id, String crisisType, MessageKind kind, String language, String title, String body,
                       String sha256, @Nullable UUID approvedBy, @Nullable String approvedByName,
                       @Nullable Instant approvedAt, @Nullable String approvedSha256) {

    /** Approved, and on these very words: an approval of earlier wording does not carry over. */
    boolean approved() {
        return approvedBy != null && sha256.equals(approvedSha256) && sha256.equals(hashOf(title, body));
    }

    /** SHA-256 of title, a newline and body, as the migration that ships the templates computes it. */
    static String hashOf(String title, String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((title + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    MessageViews.TemplateView view() {
        return new MessageViews.TemplateView(id, crisisType, kind, language, title, body, sha256, approved(), approvedBy,
                approvedByName, approvedAt);
    }
}
