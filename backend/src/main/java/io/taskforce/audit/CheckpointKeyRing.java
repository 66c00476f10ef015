package io.taskforce.audit;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every public key that may have signed a checkpoint, by key id: this instance's own, and those every instance
 * recorded in the anchors (directory, bucket). Rotating the key, or instances with different keys, therefore leaves old
 * checkpoints verifiable; the database never supplies a key (whoever writes it could add their own).
 */
@Singleton
final class CheckpointKeyRing {

    enum Verdict { AUTHENTIC, UNKNOWN_KEY, BAD_SIGNATURE }

    private final CheckpointKey own;
    private final CheckpointAnchors anchors;

    CheckpointKeyRing(CheckpointKey own, CheckpointAnchors anchors) {
        this.own = own;
        this.anchors = anchors;
    }

    Verdict check(Checkpoint checkpoint) {
        return snapshot().apply(checkpoint);
    }

    /**
     * The keys known now, read once for a whole verification (keys recorded by instances started since the last one
     * are then known too).
     */
    Function<Checkpoint, Verdict> snapshot() {
        Map<String, PublicKey> keys = keys();
        return checkpoint -> {
            PublicKey key = keys.get(checkpoint.keyId());
            if (key == null) {
                return Verdict.UNKNOWN_KEY;
            }
            return verify(key, checkpoint.payload(), checkpoint.signature()) ? Verdict.AUTHENTIC : Verdict.BAD_SIGNATURE;
        };
    }

    /**
     * Every known public key as one PEM bundle, this instance's own first: what an outsider needs to verify
     * checkpoints signed before a rotation or by another instance (deploy/verify-audit-export.sh takes a bundle).
     */
    String publicKeysPem() {
        var bundle = new StringBuilder(own.publicKeyPem());
        keys().entrySet().stream().filter(e -> !e.getKey().equals(own.keyId()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> bundle.append(CheckpointKey.pem("PUBLIC KEY", e.getValue().getEncoded())));
        return bundle.toString();
    }

    private Map<String, PublicKey> keys() {
        var keys = new HashMap<String, PublicKey>();
        for (String pem : anchors.publicKeyPems()) {
            PublicKey key = parse(pem);
            keys.put(CheckpointKey.keyIdOf(key), key);
        }
        keys.put(own.keyId(), own.publicKey());
        return keys;
    }

    static boolean verify(PublicKey key, String payload, String signature) {
        try {
            var verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey parse(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A public key recorded in an audit anchor is not an RSA PEM key", e);
        }
    }
}
