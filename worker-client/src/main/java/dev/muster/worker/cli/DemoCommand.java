package dev.muster.worker.cli;

import picocli.CommandLine.Command;

/** {@code muster demo}: workloads for browser workers, each one command (see the README, "Browser workers"). */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs a demo workload on browser workers: open http://<server>/worker in a few tabs first.",
        subcommands = {MatrixDemoCommand.class, PiDemoCommand.class})
final class DemoCommand {
}
