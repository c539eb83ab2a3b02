package dev.muster.worker.cli;

import dev.muster.worker.protocol.AdminClient;
import dev.muster.worker.protocol.UserAccount;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code muster users}: the web console's users (admin). */
@Command(name = "users", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Creates, lists and deletes web console users. Needs an admin token.",
            "Roles: viewer (read), operator (also submit and cancel), admin (also manage tokens and users)."},
        footer = {"%nExamples:", "  muster users create --name alice --role operator",
            "  printf '%%s\\n' \"$PASSWORD\" | muster users create --name bot --role viewer --password-stdin",
            "  muster users list", "  muster users delete alice"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage error", "3:server unreachable", "4:server refused the request or the token"})
final class UsersCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a user. The password is asked twice at the terminal, or read from stdin.")
    int create(@Mixin ServerOptions server,
            @Option(names = "--name", required = true, paramLabel = "NAME", description = "The login name.") String name,
            @Option(names = "--role", required = true, paramLabel = "ROLE",
                    description = "viewer, operator or admin.") String role,
            @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
                    boolean passwordStdin,
            @Option(names = "--password", hidden = true, paramLabel = "PASSWORD") String passwordOnCommandLine) {
        if (passwordOnCommandLine != null) {
            throw new ParameterException(spec.commandLine(), "passwords on the command line are refused (other "
                    + "users can read them in the process list); use --password-stdin or the prompt");
        }
        String checkedRole = Roles.check(role, spec);
        char[] password;
        try {
            password = passwordStdin ? PasswordInput.fromStdin(System.in)
                    : PasswordInput.fromTerminal(System.console(), name);
        } catch (IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            UserAccount user = new AdminClient(server.transport()).createUser(name, password, checkedRole);
            return say("created user " + user.name() + " (role " + user.role() + ")");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists users.")
    int list(@Mixin ServerOptions server) {
        TextTable table = TextTable.local("NAME", "ROLE", "CREATED");
        for (UserAccount user : new AdminClient(server.transport()).users()) {
            table.row(TextTable.text(user.name()), TextTable.text(user.role()), table.time(user.createdAt()));
        }
        table.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a user.")
    int delete(@Mixin ServerOptions server, @Parameters(paramLabel = "NAME", description = "The user.") String name) {
        new AdminClient(server.transport()).deleteUser(name);
        return say("deleted user " + name);
    }
}
