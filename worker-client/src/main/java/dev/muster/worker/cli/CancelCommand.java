package dev.muster.worker.cli;

import dev.muster.worker.protocol.Cancellation;
import dev.muster.worker.protocol.MusterClient;
import dev.muster.worker.protocol.ProblemException;
import dev.muster.worker.protocol.ServerUnreachableException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster cancel}: cancel jobs, queued or running. */
@Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Cancels jobs. A queued job is cancelled at once; a running one when its worker next "
                + "hears from the server (within a heartbeat), which kills its process tree.",
            "Cancelling a cancelled job is fine; one that already ended otherwise cannot be cancelled."},
        footer = {"%nExamples:", "  muster cancel 5f0c2a9e-…", "  muster cancel $(muster submit -- sleep 600)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every job is cancelled or being cancelled",
            "1:some job could not be cancelled (it already ended, or there is no such job)", "2:usage error",
            "3:server unreachable"})
final class CancelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "JOB_ID", arity = "1..*", description = "Ids of the jobs to cancel.")
    List<String> jobIds;

    @Override
    public Integer call() {
        MusterClient client = server.client();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean all = true;
        for (String id : jobIds) {
            try {
                Cancellation answer = client.cancel(id);
                out.println(answer.stillRunning()
                        ? "cancelling " + id + " (running; its worker stops it within one heartbeat)"
                        : "cancelled " + id);
                out.flush();
            } catch (ProblemException refused) {
                all = false;
                err.println("muster: cannot cancel " + id + ": " + why(client, id, refused));
                err.flush();
            }
        }
        return all ? ExitCodes.OK : ExitCodes.NOT_ALL;
    }

    /** For a 409 the job's own state says it best ("it already ended FAILED (exit 3)"); else the server's detail. */
    private static String why(MusterClient client, String id, ProblemException refused) {
        if (refused.status() != 409) {
            return refused.getMessage();
        }
        try {
            return "it already ended " + new JobOutcome(client.job(id)).ending();
        } catch (ProblemException | ServerUnreachableException e) {
            return refused.getMessage();
        }
    }
}
