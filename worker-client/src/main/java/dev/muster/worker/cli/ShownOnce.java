package dev.muster.worker.cli;

import java.io.PrintWriter;

/**
 * Prints a newly created secret — the one place the CLI ever shows one — with the warning that the server keeps
 * only its hash, and the line that puts it in the environment variable the CLI reads.
 */
final class ShownOnce {

    private final PrintWriter out;

    ShownOnce(PrintWriter out) {
        this.out = out;
    }

    void print(String secret, String variable) {
        out.println("This is the only time it is shown; the server keeps only a hash. Store it now:");
        out.println();
        out.println("  export " + variable + "=" + secret);
        out.flush();
    }
}
