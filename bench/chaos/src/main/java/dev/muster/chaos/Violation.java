package dev.muster.chaos;

/**
 * One broken invariant.
 *
 * @param scenario the phase whose job it concerns, null when the job is unknown to the harness
 */
record Violation(Rule rule, Scenario scenario, String token, String jobId, String message) {

    /** The invariants the checker enforces (the letters are those of the chaos issue). */
    enum Rule {
        SUBMISSION("s", "a submission was refused or never answered"),
        LOST("a", "an accepted job is missing or not terminal"),
        DUPLICATE_OUTCOME("b", "a job has more than one accepted outcome, or attempts out of order"),
        STATE_WENT_BACK("c", "a state went backwards, or finishedAt disagrees with the state"),
        LOG_GAP("d", "a completed attempt's log has a gap or is not what the job printed"),
        UNASKED_RUN("e", "a job ran that nobody submitted, or more often than it was leased"),
        WRONG_OUTCOME("f", "a job's outcome is wrong for its kind"),
        LEFTOVER_PROCESS("g", "a job's process outlived its job"),
        RECOVERY("r", "the server was not ready again after a fault, or a worker exited on its own");

        private final String letter;
        private final String meaning;

        Rule(String letter, String meaning) {
            this.letter = letter;
            this.meaning = meaning;
        }

        String letter() {
            return letter;
        }

        String meaning() {
            return meaning;
        }
    }

    @Override
    public String toString() {
        return "(" + rule.letter() + ") " + rule + " [" + (scenario == null ? "-" : scenario.id()) + "] "
                + (token == null ? "" : token + " ") + (jobId == null ? "" : "job " + jobId + ": ") + message;
    }
}
