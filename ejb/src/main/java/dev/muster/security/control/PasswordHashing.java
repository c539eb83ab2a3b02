package dev.muster.security.control;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PBKDF2-HMAC-SHA256 password hashes, stored as {@code pbkdf2-sha256:<iterations>:<salt>:<hash>} so that the work
 * factor can rise later without invalidating the hashes already stored. The JDK's own implementation: the same on
 * Payara and WildFly, and testable without a container.
 */
public final class PasswordHashing {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. About a quarter of a second per login on one core here. */
    static final int ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the user does not exist, so that a wrong name takes as long as a wrong password. */
    private static final String DECOY = new PasswordHashing(ITERATIONS).hash("decoy".toCharArray());

    private final int iterations;

    public PasswordHashing() {
        this(ITERATIONS);
    }

    PasswordHashing(int iterations) {
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + ":" + iterations + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(derive(password, salt, iterations));
    }

    /** @param stored a hash from {@link #hash}, or null for a user who does not exist (always false) */
    public boolean matches(char[] password, String stored) {
        String[] parts = (stored == null ? DECOY : stored).split(":");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] expected = base64.decode(parts[3]);
        byte[] actual = derive(password, base64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual) && stored != null;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
