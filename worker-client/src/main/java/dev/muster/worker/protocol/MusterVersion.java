package dev.muster.worker.protocol;

/** The version of this client, as sent to the server and shown by {@code muster --version}. */
public final class MusterVersion {

    private static final String FALLBACK = "0.1.0-SNAPSHOT";

    private MusterVersion() {
    }

    public static String current() {
        String version = MusterVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : FALLBACK;
    }
}
