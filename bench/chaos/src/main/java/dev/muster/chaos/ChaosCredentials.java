package dev.muster.chaos;

import java.util.Map;

/**
 * The credentials a harness run gives its servers and uses itself, as an operator's automation would: a bootstrap
 * admin token for the submitter and observer, a bootstrap enrolment token for the workers. Fixed per run; the
 * servers store only their hashes.
 */
final class ChaosCredentials {

    static final String ADMIN_TOKEN = "mst_api_chaos-harness-admin-6e1b9c4f2a7d";
    static final String ENROLMENT_TOKEN = "mst_enr_chaos-harness-enrolment-3f8a2d6c1e9b";

    private ChaosCredentials() {
    }

    /** For the server processes (MicroProfile Config reads these as muster.bootstrap.token and so on). */
    static Map<String, String> serverEnvironment() {
        return Map.of("MUSTER_BOOTSTRAP_TOKEN", ADMIN_TOKEN, "MUSTER_BOOTSTRAP_ENROLMENT_TOKEN", ENROLMENT_TOKEN);
    }
}
