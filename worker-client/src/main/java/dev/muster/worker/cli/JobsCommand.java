package dev.muster.worker.cli;

import dev.muster.worker.protocol.JobPage;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muster jobs}: list jobs, newest first. */
@Command(name = "jobs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists jobs, newest first.",
        footer = {"%nExamples:", "  muster jobs", "  muster jobs --state failed --pool build --size 50"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage error", "3:server unreachable", "4:server refused the request"})
final class JobsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--state", paramLabel = "STATE",
            description = "Only jobs in this state: queued, running, succeeded, failed, cancelled, timed_out.")
    String state;

    @Option(names = "--pool", paramLabel = "NAME", description = "Only jobs of this pool.")
    String pool;

    @Option(names = "--page", paramLabel = "N", description = "Page number, from 0 (default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    int page;

    @Option(names = "--size", paramLabel = "N", description = "Jobs per page, at most 200 (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int size;

    @Override
    public Integer call() {
        String wantedState = state == null ? null : state.toUpperCase(Locale.ROOT);
        JobPage jobs = server.client().jobs(wantedState, pool, page, size);
        PrintWriter out = spec.commandLine().getOut();
        new JobTable(ZoneId.systemDefault()).print(jobs.items(), out);
        long shownUpTo = (long) jobs.page() * jobs.size() + jobs.items().size();
        if (shownUpTo < jobs.total()) {
            out.printf("(%d of %d jobs shown; --page %d for more)%n", jobs.items().size(), jobs.total(),
                    jobs.page() + 1);
            out.flush();
        }
        return ExitCodes.OK;
    }
}
