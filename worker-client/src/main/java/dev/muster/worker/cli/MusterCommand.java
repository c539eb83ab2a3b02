package dev.muster.worker.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code muster}: the entry point of the jar; each job of the tool is a subcommand. */
@Command(name = "muster", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Submits jobs to a Muster server, follows them, and runs workers that execute them.",
        subcommands = {SubmitCommand.class, LogsCommand.class, JobsCommand.class, CancelCommand.class, DemoCommand.class,
            WorkerCommand.class, TokensCommand.class, EnrolmentTokensCommand.class, UsersCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"%nServer: --server URL, else $MUSTER_SERVER, else http://localhost:8080.",
            "Token: --token TOKEN, else $MUSTER_TOKEN. CA certificates for https: --ca-cert FILE, else $MUSTER_CA_CERT.",
            "%nExamples:",
            "  muster submit --follow -- make test",
            "  muster jobs --state failed",
            "  muster cancel 5f0c2a9e-…",
            "  muster worker --pool build --slots 4"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:cancel: some job could not be cancelled", "2:usage error", "3:server unreachable",
            "4:server refused the request (or the token)",
            "N:submit --follow: the job's exit code (124 timed out, 130 cancelled)"})
public final class MusterCommand extends CommandGroup {

    /** The command line with Muster's exit codes and error messages; what {@link #main} and tests run. */
    public static CommandLine commandLine() {
        ExitCodes exitCodes = new ExitCodes();
        return new CommandLine(new MusterCommand())
                .setExecutionExceptionHandler(exitCodes)
                .setExitCodeExceptionMapper(exitCodes);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
