package dev.muster.worker.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The roles a token or user can have, least first; checked here so a typo is a usage error, not a 400. */
final class Roles {

    static final List<String> ALL = List.of("viewer", "operator", "admin");

    private Roles() {
    }

    static String check(String role, CommandSpec spec) {
        String wanted = role.toLowerCase(Locale.ROOT);
        if (!ALL.contains(wanted)) {
            throw new ParameterException(spec.commandLine(), "--role must be one of " + String.join(", ", ALL)
                    + ", not " + role);
        }
        return wanted;
    }
}
