package dev.muster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunAsTest {

    @Test
    void rootOnLinuxSwitchesWithRunuserEveryoneElseWithSudo() {
        assertThat(RunAs.commandPrefix("builder", true, true)).containsExactly("runuser", "-u", "builder", "--");
        assertThat(RunAs.commandPrefix("builder", true, false))
                .containsExactly("sudo", "-n", "-E", "-u", "builder", "--");
        assertThat(RunAs.commandPrefix("builder", false, true))
                .containsExactly("sudo", "-n", "-E", "-u", "builder", "--");
    }

    @Test
    void wrapsTheJobsCommand() {
        RunAs runAs = new RunAs("builder", RunAs.commandPrefix("builder", true, true), true);

        assertThat(runAs.wrap(List.of("sh", "-c", "make"))).containsExactly("runuser", "-u", "builder", "--", "sh",
                "-c", "make");
        assertThat(RunAs.NONE.wrap(List.of("sh", "-c", "make"))).containsExactly("sh", "-c", "make");
    }

    @Test
    void refusesToStartWhenTheUserCannotBeSwitchedTo() {
        RunAs nobodyKnown = RunAs.user("muster-no-such-user-7f3a");

        assertThatThrownBy(nobodyKnown::verify).isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("(?s).*(failed|cannot run).*");
    }

    @Test
    void refusesNamesThatAreNotUserNames() {
        assertThatThrownBy(() -> RunAs.user("-rf")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunAs.user("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
