package dev.muster.worker.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Rows as aligned text columns under a header; times in the user's zone, "-" for nothing. */
final class TextTable {

    private final DateTimeFormatter timeFormat;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(ZoneId zone, String... header) {
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        rows.add(header);
    }

    /** A table in the user's time zone. */
    static TextTable local(String... header) {
        return new TextTable(ZoneId.systemDefault(), header);
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[rows.get(0).length];
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

    String time(Instant instant) {
        return instant == null ? "-" : timeFormat.format(instant);
    }

    static String text(String value) {
        return value == null ? "-" : value;
    }

    static String list(List<String> values, String whenEmpty) {
        return values.isEmpty() ? whenEmpty : String.join(",", values);
    }
}
