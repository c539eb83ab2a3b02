package dev.muster.console.boundary;

import dev.muster.security.boundary.CurrentCaller;
import dev.muster.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The one place that decides what the logged-in user may do in the console ({@code ConsoleGate} lets only users in):
 * viewers look, operators also submit, cancel, retry, drain and resume, admins also remove workers. The pages ask to
 * show their buttons, and every action asks again before it acts.
 */
@Named
@RequestScoped
public class ConsoleUser {

    @Inject
    CurrentCaller caller;

    /** The user's name, which jobs they submit record as their submitter. */
    public String name() {
        return caller.name();
    }

    public String displayName() {
        return caller.get().map(c -> c.role() == null ? c.name() : c.name() + " (" + c.role().wire() + ")").orElse("anonymous");
    }

    public boolean mayOperate() {
        return may(Role.OPERATOR);
    }

    public boolean mayAdminister() {
        return may(Role.ADMIN);
    }

    private boolean may(Role least) {
        return caller.get().map(c -> c.mayAct(least)).orElse(false);
    }
}
