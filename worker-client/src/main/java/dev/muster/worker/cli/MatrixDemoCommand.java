package dev.muster.worker.cli;

import dev.muster.worker.demos.MatrixMultiplication;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muster demo matrix}: C = A × B split into row blocks across browser workers, assembled and checked here. */
@Command(name = "matrix", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Multiplies two random SIZE×SIZE matrices on browser workers, one js job per row block of A; "
                + "then assembles C, checks it against a local multiplication and prints its corner and checksum.",
        footer = {"%nExample:", "  muster demo matrix --size 300 --blocks 12"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:C is right", "1:a job failed or C is wrong", "3:server unreachable", "4:server refused"})
final class MatrixDemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DemoOptions demo;

    @Option(names = "--size", paramLabel = "N", defaultValue = "300", description = "Rows and columns (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "12", description = "Row blocks = jobs (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the random matrices.")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        if (size < 1 || size > 600 || blocks < 1 || blocks > size) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--size must be 1-600 (B travels with every job) and --blocks 1-SIZE");
        }
        PrintWriter out = spec.commandLine().getOut();
        MatrixMultiplication product = new MatrixMultiplication(size, seed);
        long started = System.nanoTime();
        long[][] c = product.assemble(demo.batch()
                .run(MatrixMultiplication.script(), product.inputs(blocks)));
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean right = Arrays.deepEquals(c, product.multiplyLocally());
        out.printf("C = A × B, %d×%d, %d row blocks on pool %s: %.2f s%n", size, size, blocks, demo.pool, seconds);
        for (int i = 0; i < Math.min(4, size); i++) {
            out.println("  " + Arrays.toString(Arrays.copyOf(c[i], Math.min(6, size))).replace("]", size > 6 ? ", …]" : "]"));
        }
        out.printf("checksum (sum of C) %d; checked against a local multiplication: %s%n",
                Arrays.stream(c).flatMapToLong(Arrays::stream).sum(), right ? "equal" : "DIFFERENT");
        out.flush();
        return right ? ExitCodes.OK : ExitCodes.NOT_ALL;
    }
}
