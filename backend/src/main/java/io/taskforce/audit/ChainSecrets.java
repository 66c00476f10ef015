package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The secret of each chain that keys the hash of its events' changes (HMAC-SHA-256). It lives in the database,
 * behind row-level security, and never in an export: a reader of a redacted export cannot test a guessed value
 * against it. Created with the chain's first event of canonical version 2, never changed afterwards.
 */
@Singleton
final class ChainSecrets {

    private final JdbcOperations jdbc;
    private final SecureRandom random = new SecureRandom();
    // a chain's secret never changes once created: remembered, so writers do not read it for every event
    private final Map<UUID, byte[]> known = new ConcurrentHashMap<>();

    ChainSecrets(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The secret of the chain of the tenant transaction in progress, created if it has none yet. */
    byte[] ofCurrentChainCreating(UUID chain) {
        byte[] cached = known.get(chain);
        if (cached != null) {
            return cached;
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        jdbc.prepareStatement("""
                insert into audit_secret (tenant_id, secret)
                values (nullif(current_setting('app.tenant_id', true), '')::uuid, ?) on conflict do nothing""", ps -> {
            ps.setBytes(1, fresh);
            return ps.executeUpdate();
        });
        return ofChain(chain);
    }

    /** The secret of a chain, inside its tenant transaction; null when it has none (no event of version 2 was ever written). */
    @Nullable byte[] ofChain(UUID chain) {
        byte[] cached = known.get(chain);
        if (cached != null) {
            return cached;
        }
        // remembered only once committed by an earlier transaction: one created in this transaction may roll back
        return jdbc.prepareStatement("select secret, created_at < now() from audit_secret where tenant_id = ?", ps -> {
            ps.setObject(1, chain);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (rs.getBoolean(2)) {
                    known.put(chain, rs.getBytes(1));
                }
                return rs.getBytes(1);
            }
        });
    }

    static @Nullable String hmac(@Nullable byte[] secret, @Nullable String changes) {
        return keyedHash(secret).apply(changes);
    }

    /**
     * The keyed hash of changes texts with one chain's secret, for one reader at a time (a {@link Mac} is not
     * thread-safe, and setting one up for every event of a long chain would cost more than the hashing); null
     * for null changes, and for every text when the chain has no secret.
     */
    static UnaryOperator<String> keyedHash(@Nullable byte[] secret) {
        if (secret == null) {
            return changes -> null;
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return changes -> changes == null ? null
                    : HexFormat.of().formatHex(mac.doFinal(changes.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
