package dev.muster.worker.cli;

import dev.muster.worker.protocol.AdminClient;
import dev.muster.worker.protocol.ApiToken;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code muster tokens}: API tokens for scripts and CI (admin). */
@Command(name = "tokens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Creates, lists and revokes API tokens: what scripts and CI pass as --token or MUSTER_TOKEN. "
                + "Needs an admin token.",
            "Roles: viewer (read), operator (also submit and cancel), admin (also manage tokens and users)."},
        footer = {"%nExamples:", "  muster tokens create --name ci --role operator", "  muster tokens list",
            "  muster tokens revoke 7"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage error", "3:server unreachable", "4:server refused the request or the token"})
final class TokensCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates an API token and prints it: the only time it is shown.")
    int create(@Mixin ServerOptions server,
            @Option(names = "--name", required = true, paramLabel = "NAME",
                    description = "What the token is for, e.g. ci.") String name,
            @Option(names = "--role", required = true, paramLabel = "ROLE",
                    description = "viewer, operator or admin.") String role) {
        ApiToken token = new AdminClient(server.transport()).createToken(name, Roles.check(role, spec));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Created API token %s (%s, role %s).%n", token.id(), token.name(), token.role());
        new ShownOnce(out).print(token.token(), "MUSTER_TOKEN");
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists API tokens, revoked ones too.")
    int list(@Mixin ServerOptions server) {
        TextTable table = TextTable.local("ID", "NAME", "ROLE", "CREATED", "LAST USED", "REVOKED");
        for (ApiToken token : new AdminClient(server.transport()).tokens()) {
            table.row(TextTable.text(token.id()), TextTable.text(token.name()), TextTable.text(token.role()),
                    table.time(token.createdAt()), table.time(token.lastUsedAt()), table.time(token.revokedAt()));
        }
        table.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes an API token: calls with it are refused from now on. Revoking twice is fine.")
    int revoke(@Mixin ServerOptions server, @Parameters(paramLabel = "ID", description = "The token's id.") String id) {
        new AdminClient(server.transport()).revokeToken(id);
        return say("revoked API token " + id);
    }
}
