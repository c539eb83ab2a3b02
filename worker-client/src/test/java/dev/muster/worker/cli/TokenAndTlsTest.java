package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.worker.fake.StubApi;
import dev.muster.worker.fake.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --token} and {@code --ca-cert}, which every client command shares, against stub servers. */
class TokenAndTlsTest {

    private static final String TOKEN = "mst_api_c2VjcmV0LXRlc3QtdG9rZW4tdGhhdC1uby1vbmUtdXNlcw";
    private static final String EMPTY_PAGE = "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}";

    @TempDir
    Path temp;

    private final Cli cli = new Cli();
    private StubApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void sendsTheTokenAsABearerToken() {
        api = StubApi.http().answer("GET", "/api/v1/jobs", 200, EMPTY_PAGE);

        assertThat(cli.run("jobs", "--server", api.uri().toString(), "--token", TOKEN)).isZero();

        assertThat(api.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void sendsNoAuthorizationWithoutAToken() {
        api = StubApi.http().answer("GET", "/api/v1/jobs", 200, EMPTY_PAGE);

        assertThat(cli.run("jobs", "--server", api.uri().toString(), "--token", "")).isZero();

        assertThat(api.last().header("Authorization")).isNull();
    }

    @Test
    void aRefusedTokenIsOneClearLineWithoutTheToken() {
        api = StubApi.http().answer("GET", "/api/v1/jobs", 401,
                "{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"unknown or revoked token\"}");

        int exit = cli.run("jobs", "--server", api.uri().toString(), "--token", TOKEN);

        assertThat(exit).isEqualTo(ExitCodes.REFUSED);
        assertThat(cli.err()).isEqualTo("muster: the server refused the token: unknown or revoked token (HTTP 401)"
                + System.lineSeparator());
        assertThat(cli.out() + cli.err()).doesNotContain(TOKEN);
    }

    @Test
    void trustsAServerCertifiedByTheCaFile() throws Exception {
        TestCertificates certificates = TestCertificates.create(temp);
        api = StubApi.https(certificates.serverContext()).answer("GET", "/api/v1/jobs", 200, EMPTY_PAGE);

        int exit = cli.run("jobs", "--server", api.uri().toString(), "--ca-cert", certificates.pem().toString(),
                "--token", TOKEN);

        assertThat(exit).as(cli.err()).isZero();
        assertThat(api.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void refusesTheSameServerWithoutTheCaFile() throws Exception {
        TestCertificates certificates = TestCertificates.create(temp);
        api = StubApi.https(certificates.serverContext()).answer("GET", "/api/v1/jobs", 200, EMPTY_PAGE);

        int exit = cli.run("jobs", "--server", api.uri().toString(), "--ca-cert", "");

        assertThat(exit).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aCaFileWithoutCertificatesIsAUsageError() throws Exception {
        Path notPem = Files.writeString(temp.resolve("not.pem"), "hello");

        int exit = cli.run("jobs", "--server", "https://127.0.0.1:9", "--ca-cert", notPem.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--ca-cert");
    }
}
