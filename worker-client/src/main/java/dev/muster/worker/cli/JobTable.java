package dev.muster.worker.cli;

import dev.muster.worker.protocol.Job;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs as an aligned text table, one line per job, commands shortened to fit a terminal. An ended job's state
 * says why it ended when its exit code does not ("FAILED (worker-lost)"); attempts show as "used/allowed".
 */
final class JobTable {

    private static final String[] HEADER = {"ID", "STATE", "ATTEMPTS", "EXIT", "POOL", "SUBMITTED", "COMMAND"};
    private static final int COMMAND_WIDTH = 50;

    private final TextTable table;

    JobTable(ZoneId zone) {
        this.table = new TextTable(zone);
    }

    void print(List<Job> jobs, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        jobs.forEach(job -> rows.add(row(job)));
        table.print(rows, out);
    }

    private String[] row(Job job) {
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
