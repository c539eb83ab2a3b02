package dev.muster.worker.cli;

import dev.muster.worker.protocol.Job;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;

/**
 * Jobs as an aligned text table, one line per job, commands shortened to fit a terminal. An ended job's state
 * says why it ended when its exit code does not ("FAILED (worker-lost)"); attempts show as "used/allowed".
 */
final class JobTable {

    private static final String[] HEADER = {"ID", "STATE", "ATTEMPTS", "EXIT", "POOL", "SUBMITTED", "COMMAND"};
    private static final int COMMAND_WIDTH = 50;

    private final ZoneId zone;

    JobTable(ZoneId zone) {
        this.zone = zone;
    }

    void print(List<Job> jobs, PrintWriter out) {
        TextTable table = new TextTable(zone, HEADER);
        jobs.forEach(job -> table.row(row(job, table)));
        table.print(out);
    }

    private static String[] row(Job job, TextTable table) {
        return new String[] {
            text(job.id()),
            state(job),
            attempts(job),
            job.exitCode() == null ? "-" : job.exitCode().toString(),
            text(job.pool()),
            table.time(job.submittedAt()),
            shorten(text(job.command()))
        };
    }

    private static String state(Job job) {
        String reason = JobOutcome.reason(job);
        return reason == null ? job.state().name() : job.state().name() + " (" + reason + ")";
    }

    private static String attempts(Job job) {
        if (job.attempts() == null) {
            return "-";
        }
        return job.maxAttempts() == null ? job.attempts().toString() : job.attempts() + "/" + job.maxAttempts();
    }

    static String shorten(String command) {
        String oneLine = command.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= COMMAND_WIDTH ? oneLine : oneLine.substring(0, COMMAND_WIDTH - 1) + "…";
    }

    private static String text(String value) {
        return TextTable.text(value);
    }
}
