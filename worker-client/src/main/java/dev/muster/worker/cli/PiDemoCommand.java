package dev.muster.worker.cli;

import dev.muster.worker.demos.MonteCarloPi;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muster demo pi}: a Monte Carlo estimate of π fanned out to many js jobs. */
@Command(name = "pi", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Estimates π from random points, counted by many js jobs on browser workers.",
        footer = {"%nExample:", "  muster demo pi --jobs 100 --samples 2000000"})
final class PiDemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DemoOptions demo;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "100", description = "Jobs (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000000", description = "Points per job (default: ${DEFAULT-VALUE}).")
    long samples;

    @Override
    public Integer call() throws InterruptedException {
        if (jobs < 1 || jobs > 10_000 || samples < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be 1-10000 and --samples positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        double pi = MonteCarloPi.estimate(demo.batch()
                .run(MonteCarloPi.script(), MonteCarloPi.inputs(jobs, samples)));
        out.printf("π ≈ %.6f (error %.1e) from %d jobs × %d points on pool %s: %.2f s%n", pi, Math.abs(pi - Math.PI),
                jobs, samples, demo.pool, (System.nanoTime() - started) / 1e9);
        out.flush();
        return ExitCodes.OK;
    }
}
