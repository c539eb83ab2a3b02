package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.worker.fake.StubApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code muster tokens}, {@code enrolment-tokens} and {@code users} against a stub of the management API. */
class AdminCommandsTest {

    private final StubApi api = StubApi.http();
    private final Cli cli = new Cli();

    @AfterEach
    void stop() {
        api.close();
    }

    private int run(String... args) {
        String[] withServer = new String[args.length + 4];
        System.arraycopy(args, 0, withServer, 0, args.length);
        System.arraycopy(new String[] {"--server", api.uri().toString(), "--token", "mst_api_admin"}, 0, withServer,
                args.length, 4);
        return cli.run(withServer);
    }

    @Test
    void createsAnApiTokenAndShowsItOnceWithTheExportLine() {
        api.answer("POST", "/api/v1/tokens", 201, "{\"id\":\"7\",\"name\":\"ci\",\"role\":\"operator\","
                + "\"token\":\"mst_api_NEW\",\"createdAt\":\"2026-11-23T21:00:00Z\"}");

        assertThat(run("tokens", "create", "--name", "ci", "--role", "Operator")).isZero();

        JsonObject body = api.last().json();
        assertThat(body.getString("name")).isEqualTo("ci");
        assertThat(body.getString("role")).isEqualTo("operator");
        assertThat(api.last().header("Authorization")).isEqualTo("Bearer mst_api_admin");
        assertThat(cli.out()).contains("only time it is shown").contains("export MUSTER_TOKEN=mst_api_NEW");
        assertThat(cli.out().split("mst_api_NEW", -1)).hasSize(2); // printed once
    }

    @Test
    void refusesAnUnknownRoleBeforeAskingTheServer() {
        assertThat(run("tokens", "create", "--name", "ci", "--role", "root")).isEqualTo(ExitCodes.USAGE);
        assertThat(api.requests()).isEmpty();
        assertThat(cli.err()).contains("viewer, operator, admin");
    }

    @Test
    void listsTokensAsATable() {
        api.answer("GET", "/api/v1/tokens", 200, "{\"items\":[{\"id\":\"7\",\"name\":\"ci\",\"role\":\"operator\","
                + "\"createdAt\":\"2026-11-23T21:00:00Z\",\"createdBy\":\"admin\",\"lastUsedAt\":null,"
                + "\"revokedAt\":\"2026-11-23T22:00:00Z\"}]}");

        assertThat(run("tokens", "list")).isZero();

        String[] lines = cli.out().split(System.lineSeparator());
        assertThat(lines[0]).matches("ID +NAME +ROLE +CREATED +LAST USED +REVOKED");
        assertThat(lines[1]).startsWith("7 ").contains("ci", "operator", " - ");
    }

    @Test
    void revokesATokenById() {
        api.answer("DELETE", "/api/v1/tokens/7", 204, null);

        assertThat(run("tokens", "revoke", "7")).isZero();

        assertThat(api.last().method()).isEqualTo("DELETE");
        assertThat(cli.out()).contains("revoked API token 7");
    }

    @Test
    void createsAnEnrolmentTokenForPoolsAndLabelsWithAnExpiry() {
        api.answer("POST", "/api/v1/enrolment-tokens", 201, "{\"id\":\"3\",\"name\":\"farm\",\"pools\":[\"build\","
                + "\"test\"],\"labels\":[\"linux\"],\"expiresAt\":\"2026-12-23T21:00:00Z\",\"token\":\"mst_enr_NEW\","
                + "\"createdAt\":\"2026-11-23T21:00:00Z\"}");

        assertThat(run("enrolment-tokens", "create", "--name", "farm", "--pool", "build", "--pool", "test",
                "--label", "linux", "--expires-in", "30d")).isZero();

        JsonObject body = api.last().json();
        assertThat(body.getJsonArray("pools").getValuesAs(JsonString::getString)).containsExactly("build", "test");
        assertThat(body.getJsonArray("labels").getValuesAs(JsonString::getString)).containsExactly("linux");
        assertThat(body.getJsonNumber("expiresInSeconds").longValue()).isEqualTo(30L * 86_400);
        assertThat(cli.out()).contains("export MUSTER_ENROLMENT_TOKEN=mst_enr_NEW").contains("build,test");
    }

    @Test
    void anEnrolmentTokenForAllPoolsSendsNoPoolsAndNoExpiry() {
        api.answer("POST", "/api/v1/enrolment-tokens", 201, "{\"id\":\"4\",\"name\":\"any\",\"token\":\"mst_enr_X\"}");

        assertThat(run("enrolment-tokens", "create", "--name", "any")).isZero();

        assertThat(api.last().json()).doesNotContainKeys("pools", "labels", "expiresInSeconds");
        assertThat(cli.out()).contains("pools all", "expires never");
    }

    @Test
    void refusesAnExpiryThatIsNotADuration() {
        assertThat(run("enrolment-tokens", "create", "--name", "x", "--expires-in", "1 week"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("30d, 12h, 90m");
    }

    @Test
    void createsAUserWithThePasswordFromStdin() {
        api.answer("POST", "/api/v1/users", 201, "{\"name\":\"alice\",\"role\":\"viewer\"}");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("s3cret pass\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("users", "create", "--name", "alice", "--role", "viewer", "--password-stdin")).isZero();
        } finally {
            System.setIn(stdin);
        }

        assertThat(api.last().json().getString("password")).isEqualTo("s3cret pass");
        assertThat(cli.out() + cli.err()).doesNotContain("s3cret");
    }

    @Test
    void refusesAPasswordOnTheCommandLine() {
        assertThat(run("users", "create", "--name", "alice", "--role", "viewer", "--password", "s3cret"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("passwords on the command line are refused").doesNotContain("s3cret");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void withoutATerminalOrStdinThereIsNoPassword() {
        // Under the test runner System.console() is null, as in a script without --password-stdin.
        assertThat(run("users", "create", "--name", "alice", "--role", "viewer")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--password-stdin");
    }

    @Test
    void listsAndDeletesUsers() {
        api.answer("GET", "/api/v1/users", 200, "{\"items\":[{\"name\":\"alice\",\"role\":\"admin\","
                + "\"createdAt\":\"2026-11-23T21:00:00Z\"}]}");
        api.answer("DELETE", "/api/v1/users/alice", 204, null);

        assertThat(run("users", "list")).isZero();
        assertThat(cli.out()).containsPattern("NAME +ROLE +CREATED").containsPattern("alice +admin");
        assertThat(run("users", "delete", "alice")).isZero();
        assertThat(api.last().path()).isEqualTo("/api/v1/users/alice");
    }

    @Test
    void aForbiddenCallSaysTheTokenWasRefused() {
        api.answer("GET", "/api/v1/users", 403, "{\"status\":403,\"title\":\"Forbidden\","
                + "\"detail\":\"needs the admin role\"}");

        assertThat(run("users", "list")).isEqualTo(ExitCodes.REFUSED);
        assertThat(cli.err()).contains("the server refused the token: needs the admin role (HTTP 403)")
                .doesNotContain("mst_api_admin");
    }
}
