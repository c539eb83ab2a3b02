package dev.muster.security.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashingTest {

    /** Few iterations: the format and the comparison are under test here, not the work factor. */
    private final PasswordHashing hashing = new PasswordHashing(1_000);

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String hash = hashing.hash("correct horse".toCharArray());
        assertThat(hashing.matches("correct horse".toCharArray(), hash)).isTrue();
        assertThat(hashing.matches("correct hors".toCharArray(), hash)).isFalse();
        assertThat(hashing.matches("".toCharArray(), hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndKeepsItsWorkFactor() {
        String first = hashing.hash("same".toCharArray());
        String second = hashing.hash("same".toCharArray());
        assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256:1000:");
        // A hash made with another work factor still verifies: the count travels with the hash.
        assertThat(new PasswordHashing(2_000).matches("same".toCharArray(), first)).isTrue();
    }

    @Test
    void anUnknownUserOrAMangledHashNeverMatches() {
        assertThat(hashing.matches("decoy".toCharArray(), null)).isFalse();
        assertThat(hashing.matches("x".toCharArray(), "md5:abc")).isFalse();
    }

    @Test
    void tokensAreToldApartByPrefixAndAnythingElseIsAnApiToken() {
        assertThat(TokenKind.of(TokenKind.API.newSecret())).isEqualTo(TokenKind.API);
        assertThat(TokenKind.of(TokenKind.ENROLMENT.newSecret())).isEqualTo(TokenKind.ENROLMENT);
        assertThat(TokenKind.of(TokenKind.WORKER.newSecret())).isEqualTo(TokenKind.WORKER);
        assertThat(TokenKind.of("an-operator-chosen-bootstrap-token")).isEqualTo(TokenKind.API);
        assertThat(TokenKind.API.newSecret()).startsWith("mst_api_").hasSize("mst_api_".length() + 43);
    }
}
