package dev.muster.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worker's security options are checked before it registers or takes a job. */
class WorkerOptionsTest {

    private final Cli cli = new Cli();

    @Test
    void refusesToStartWhenItCannotRunJobsAsTheUser() {
        int exit = cli.run("worker", "--server", "http://127.0.0.1:9", "--run-as", "muster-no-such-user-7f3a");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("--run-as muster-no-such-user-7f3a: ");
    }

    @Test
    void refusesAnAllowListPatternWithAStarInside() {
        assertThat(cli.run("worker", "--server", "http://127.0.0.1:9", "--env-allow", "PATH,*_TOKEN"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("--env-allow: not a variable name or NAME* pattern: '*_TOKEN'");
    }

    @Test
    void refusesWorkspaceLimitsBelowOne() {
        assertThat(cli.run("worker", "--server", "http://127.0.0.1:9", "--workspace-max-entries", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("workspace limits must be at least 1");
    }
}
