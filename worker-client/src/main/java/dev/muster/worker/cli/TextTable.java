package dev.muster.worker.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Rows as aligned text columns, the first row the header; times in the user's zone, "-" for nothing. */
final class TextTable {

    private final DateTimeFormatter timeFormat;

    TextTable(ZoneId zone) {
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    void print(List<String[]> rows, PrintWriter out) {
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
