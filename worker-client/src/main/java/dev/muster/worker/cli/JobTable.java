package dev.muster.worker.cli;

import dev.muster.worker.protocol.Job;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs as an aligned text table, one line per job, commands shortened to fit a terminal. An ended job's state
 * says why it ended when its exit code does not ("FAILED (worker-lost)"); attempts show as "used/allowed".
 */
final class JobTable {

    private static final String[] HEADER = {"ID", "STATE", "ATTEMPTS", "EXIT", "POOL", "SUBMITTED", "COMMAND"};
    private static final int COMMAND_WIDTH = 50;

    private final DateTimeFormatter timeFormat;

    JobTable(ZoneId zone) {
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    void print(List<Job> jobs, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        jobs.forEach(job -> rows.add(row(job)));
        int[] widths = new int[HEADER.length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private String[] row(Job job) {
        return new String[] {
            text(job.id()),
            state(job),
            attempts(job),
            job.exitCode() == null ? "-" : job.exitCode().toString(),
            text(job.pool()),
            time(job.submittedAt()),
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

    private String time(Instant instant) {
        return instant == null ? "-" : timeFormat.format(instant);
    }

    static String shorten(String command) {
        String oneLine = command.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= COMMAND_WIDTH ? oneLine : oneLine.substring(0, COMMAND_WIDTH - 1) + "…";
    }

    private static String text(String value) {
        return value == null ? "-" : value;
    }
}
