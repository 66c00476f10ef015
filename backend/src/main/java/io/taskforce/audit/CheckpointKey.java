package io.taskforce.audit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The key that signs checkpoints of chain heads. The database never holds it, so whoever can rewrite the
 * audit table cannot forge a checkpoint. RSA (PKCS#8 PEM) because the public half can be derived from the
 * private key with the JDK alone, and outsiders verify with plain {@code openssl dgst -sha256 -verify}.
 * Outside local runs a key must be configured (the application refuses to start otherwise): a key generated at
 * start would die with the process, and every instance would sign with a different one.
 */
@Context
final class CheckpointKey {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointKey.class);

    private final RSAPrivateCrtKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    CheckpointKey(@Value("${taskforce.audit.checkpoint-key:}") String configured,
                  @Value("${taskforce.audit.checkpoint-key-file:}") String keyFile,
                  @Value("${taskforce.local-run:false}") boolean localRun) {
        requireConfigured(configured, keyFile, localRun);
        try {
            this.privateKey = load(configured, keyFile);
            this.publicKey = KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            this.keyId = keyIdOf(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit checkpoint key is not a PKCS#8 RSA private key", e);
        }
    }

    String keyId() {
        return keyId;
    }

    String sign(String payload) {
        try {
            var signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an audit checkpoint", e);
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** A key's id: derived from the public key itself, so a verifier recomputes it rather than trusting a label. */
    static String keyIdOf(PublicKey key) {
        return HashChain.sha256Hex(Base64.getEncoder().encodeToString(key.getEncoded())).substring(0, 16);
    }

    private static void requireConfigured(String configured, String keyFile, boolean localRun) {
        boolean given = configured != null && !configured.isBlank();
        boolean existingFile = keyFile != null && !keyFile.isBlank() && Files.isRegularFile(Path.of(keyFile));
        if (!given && !existingFile && !localRun) {
            throw new ConfigurationException("No audit checkpoint key: set taskforce.audit.checkpoint-key "
                    + "(AUDIT_CHECKPOINT_KEY) or taskforce.audit.checkpoint-key-file (AUDIT_CHECKPOINT_KEY_FILE, an "
                    + "existing PKCS#8 RSA key file); refusing to start (only local runs, taskforce.local-run, may "
                    + "generate one)");
        }
    }

    private static RSAPrivateCrtKey load(String configured, String keyFile) throws GeneralSecurityException {
        if (configured != null && !configured.isBlank()) {
            return parse(configured);
        }
        if (keyFile == null || keyFile.isBlank()) {
            LOG.warn("No audit checkpoint key configured (AUDIT_CHECKPOINT_KEY): using a key that lives only as long "
                    + "as this process; checkpoints signed now cannot be verified after a restart.");
            return generate();
        }
        Path path = Path.of(keyFile);
        try {
            if (Files.exists(path)) {
                return parse(Files.readString(path));
            }
            RSAPrivateCrtKey key = generate();
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, pem("PRIVATE KEY", key.getEncoded()));
            LOG.info("Generated a local audit checkpoint key in {}", path);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the audit checkpoint key " + path, e);
        }
    }

    private static RSAPrivateCrtKey parse(String text) throws GeneralSecurityException {
        String pem = text.contains("-----BEGIN") ? text
                : new String(Base64.getMimeDecoder().decode(text.trim()), StandardCharsets.US_ASCII);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return (RSAPrivateCrtKey) key;
    }

    private static RSAPrivateCrtKey generate() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
