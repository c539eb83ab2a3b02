package dev.muster.it;

/**
 * What the test server is started with (see {@link BackendsForTests}): the bootstrap admin token, the bootstrap
 * enrolment token (all pools) and the first admin's password, as an operator would configure them.
 */
final class Credentials {

    static final String ADMIN_TOKEN = "mst_api_it-admin-4f6c1b7e9d2a8c3f5e0b";
    static final String ENROLMENT_TOKEN = "mst_enr_it-enrolment-8a1d3c5e7f9b2d4c6e0a";
    static final String ADMIN_PASSWORD = "it-admin-password-7c2e";

    private Credentials() {
    }

    /** As system properties of the server (MicroProfile Config). */
    static String serverOptions() {
        return String.join(" ", "-Dmuster.bootstrap.token=" + ADMIN_TOKEN,
                "-Dmuster.bootstrap.enrolment-token=" + ENROLMENT_TOKEN,
                "-Dmuster.admin.password=" + ADMIN_PASSWORD);
    }
}
