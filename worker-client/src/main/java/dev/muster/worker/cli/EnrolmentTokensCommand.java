package dev.muster.worker.cli;

import dev.muster.worker.protocol.AdminClient;
import dev.muster.worker.protocol.EnrolmentToken;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code muster enrolment-tokens}: the tokens workers register with (admin). */
@Command(name = "enrolment-tokens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Creates, lists and revokes enrolment tokens: what `muster worker` registers with "
                + "(--enrolment-token or MUSTER_ENROLMENT_TOKEN). Needs an admin token.",
            "A worker registered with one may serve only its pools and claim only its labels; revoking it stops "
                + "new registrations, not workers already registered."},
        footer = {"%nExamples:", "  muster enrolment-tokens create --name build-farm --pool build --expires-in 30d",
            "  muster enrolment-tokens list", "  muster enrolment-tokens revoke 3"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage error", "3:server unreachable", "4:server refused the request or the token"})
final class EnrolmentTokensCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates an enrolment token and prints it: the only time it is shown.")
    int create(@Mixin ServerOptions server,
            @Option(names = "--name", required = true, paramLabel = "NAME",
                    description = "What the token is for, e.g. build-farm.") String name,
            @Option(names = "--pool", paramLabel = "POOL",
                    description = "A pool its workers may serve; repeatable (default: every pool).") List<String> pools,
            @Option(names = "--label", paramLabel = "LABEL",
                    description = "A label its workers may claim; repeatable (default: any).") List<String> labels,
            @Option(names = "--expires-in", paramLabel = "DURATION", converter = ExpiresIn.class,
                    description = "Lifetime, e.g. 30d, 12h, 90m (default: no expiry).") Long expiresInSeconds) {
        EnrolmentToken token = new AdminClient(server.transport()).createEnrolmentToken(name,
                pools == null ? List.of() : pools, labels == null ? List.of() : labels, expiresInSeconds);
        TextTable table = TextTable.local();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Created enrolment token %s (%s) for pools %s, labels %s, expires %s.%n", token.id(), token.name(),
                TextTable.list(token.pools(), "all"), TextTable.list(token.labels(), "any"),
                token.expiresAt() == null ? "never" : table.time(token.expiresAt()));
        new ShownOnce(out).print(token.token(), "MUSTER_ENROLMENT_TOKEN");
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists enrolment tokens, revoked ones too.")
    int list(@Mixin ServerOptions server) {
        TextTable table = TextTable.local("ID", "NAME", "POOLS", "LABELS", "EXPIRES", "CREATED", "LAST USED",
                "REVOKED");
        for (EnrolmentToken token : new AdminClient(server.transport()).enrolmentTokens()) {
            table.row(TextTable.text(token.id()), TextTable.text(token.name()), TextTable.list(token.pools(), "all"),
                    TextTable.list(token.labels(), "any"),
                    token.expiresAt() == null ? "never" : table.time(token.expiresAt()), table.time(token.createdAt()),
                    table.time(token.lastUsedAt()), table.time(token.revokedAt()));
        }
        table.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes an enrolment token: no new worker registers with it. Revoking twice is fine.")
    int revoke(@Mixin ServerOptions server, @Parameters(paramLabel = "ID", description = "The token's id.") String id) {
        new AdminClient(server.transport()).revokeEnrolmentToken(id);
        return say("revoked enrolment token " + id);
    }
}
