package dev.muster.worker.cli;

import dev.muster.worker.protocol.ChunkPage;
import dev.muster.worker.protocol.Job;
import dev.muster.worker.protocol.MusterClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster logs}: print a job's output, optionally following it. */
@Command(name = "logs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Prints the output of a job's latest attempt: its stdout to stdout, its stderr to stderr."},
        footer = {"%nExamples:", "  muster logs 5f0c2a9e-…", "  muster logs -f 5f0c2a9e-…"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage error", "3:server unreachable", "4:server refused (e.g. no such job)"})
final class LogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new output until the job has finished.")
    boolean follow;

    @Parameters(paramLabel = "JOB_ID", description = "The job's id, as printed by muster submit.")
    String jobId;

    @Override
    public Integer call() throws InterruptedException {
        MusterClient client = server.client();
        PrintWriter err = spec.commandLine().getErr();
        ChunkPage last = new LogFollower(client, spec.commandLine().getOut(), err, Duration.ofMillis(300),
                LogFollower::ignore).print(jobId, follow);
        if (follow && last.state().isTerminal()) {
            sayWhyItEnded(client.job(jobId), err);
        }
        return ExitCodes.OK;
    }

    /** The log alone may not show why a job ended, e.g. when its worker was lost: the server's reason does. */
    private static void sayWhyItEnded(Job job, PrintWriter err) {
        if (job.reason() != null) {
            err.println("muster: job " + job.id() + " ended " + new JobOutcome(job).ending());
            err.flush();
        }
    }
}
