package dev.muster.security.control;

import dev.muster.platform.Ids;

/**
 * The kinds of bearer secret, told apart by their prefix: the server knows where to look a token up, and secret
 * scanners (and people) can tell a leaked Muster token from any other string.
 */
public enum TokenKind {
    API("mst_api_"), ENROLMENT("mst_enr_"), WORKER("mst_wkr_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String newSecret() {
        return prefix + Ids.newSecret();
    }

    /**
     * Anything without an enrolment or worker prefix is looked up as an API token: an operator may choose their own
     * bootstrap token.
     */
    public static TokenKind of(String token) {
        if (token.startsWith(ENROLMENT.prefix)) {
            return ENROLMENT;
        }
        return token.startsWith(WORKER.prefix) ? WORKER : API;
    }
}
