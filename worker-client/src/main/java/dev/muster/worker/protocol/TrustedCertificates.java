package dev.muster.worker.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for a server whose certificate comes from a private CA: the JDK's own trust anchors plus the
 * certificates of a PEM file ({@code --ca-cert}). Adding rather than replacing keeps a public-CA proxy in front
 * of the server working with the same option.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** @throws IllegalArgumentException when the file cannot be read or holds no certificate */
    public static SSLContext withCaFile(Path pemFile) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (X509Certificate anchor : jdkDefaults().getAcceptedIssuers()) {
                trust.setCertificateEntry("jdk-" + n++, anchor);
            }
            Collection<? extends Certificate> added = read(pemFile);
            if (added.isEmpty()) {
                throw new IllegalArgumentException(pemFile + " holds no PEM certificate");
            }
            for (Certificate certificate : added) {
                trust.setCertificateEntry("ca-cert-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use " + pemFile + " as CA certificates: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> read(Path pemFile) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pemFile)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    private static X509TrustManager jdkDefaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
