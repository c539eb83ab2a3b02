package dev.muster.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one place that decides who is using the console and what they may do: the seam for security.
 *
 * <p>Security (Jakarta Security form login, roles {@code admin} / {@code operator} / {@code viewer}, DESIGN.md) has
 * not landed. Until it does nobody is logged in, and an anonymous user may do everything, as with the REST API.
 * Once a login exists, the container fills {@link HttpServletRequest#getRemoteUser()}: the user's name becomes the
 * submitter of the jobs they submit, and only {@code admin} and {@code operator} may act (viewers only look). The
 * pages ask {@link #mayOperate()} to show their buttons and every action asks again before it acts.
 */
@Named
@RequestScoped
public class ConsoleUser {

    @Inject
    HttpServletRequest request;

    /** The logged-in user's name, or null while nobody is (no security yet). */
    public String name() {
        return request.getRemoteUser();
    }

    public String displayName() {
        return name() == null ? "anonymous" : name();
    }

    public boolean mayOperate() {
        return name() == null || request.isUserInRole("admin") || request.isUserInRole("operator");
    }
}
