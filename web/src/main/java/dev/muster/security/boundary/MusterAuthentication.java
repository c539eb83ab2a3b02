package dev.muster.security.boundary;

import dev.muster.security.control.Callers;
import dev.muster.security.entity.Caller;
import dev.muster.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises every request's caller (Jakarta Security): a bearer token (API token, enrolment token or worker
 * secret, told apart by prefix) or a console session opened by the login form. It only recognises; what a caller
 * may do is decided by {@link AccessRules} for the API and {@link ConsoleGate} for the console, so that a request
 * with no or a bad credential reaches them and gets a problem+json answer rather than the container's error page.
 *
 * <p>The login form posts to {@code /login} and the console's logout button to {@code /logout}; both are handled
 * here, before any servlet. Sessions keep only the user's name, and the user is read again on every request, so a
 * deleted user or a changed role applies at once.
 */
@ApplicationScoped
public class MusterAuthentication implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.html";
    private static final String SESSION_USER = "dev.muster.user";
    private static final String BEARER = "Bearer ";
    /** Longer than any token Muster issues or an operator should choose; longer ones are not looked up. */
    private static final int MAX_TOKEN_LENGTH = 512;

    @Inject
    Callers callers;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
            return login(request, context);
        }
        if ("POST".equals(request.getMethod()) && "/logout".equals(path)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?signed-out");
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return bearer(authorization.substring(BEARER.length()).trim(), request, context);
        }
        return sessionUser(request).map(caller -> accept(caller, request, context)).orElseGet(context::doNothing);
    }

    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpMessageContext context) {
        Optional<Caller> caller = token.isEmpty() || token.length() > MAX_TOKEN_LENGTH
                ? Optional.empty() : callers.byToken(token);
        if (caller.isEmpty()) {
            request.setAttribute(CurrentCaller.REFUSAL, "the bearer token is unknown, revoked or expired");
            return context.doNothing();
        }
        return accept(caller.get(), request, context);
    }

    private Optional<Caller> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object name = session == null ? null : session.getAttribute(SESSION_USER);
        if (!(name instanceof String user)) {
            return Optional.empty();
        }
        Optional<Caller> caller = callers.byUserName(user);
        if (caller.isEmpty()) {
            session.invalidate();
        }
        return caller;
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context) {
        String name = request.getParameter("username");
        String password = request.getParameter("password");
        String next = LoginTarget.of(request.getParameter("next"));
        Optional<Caller> caller = name == null || password == null || password.length() > MAX_TOKEN_LENGTH
                ? Optional.empty() : callers.byPassword(name, password.toCharArray());
        if (caller.isEmpty()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?failed&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        // A new session id at login, so that an id planted before it (session fixation) is worth nothing.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SESSION_USER, caller.get().id());
        sameSiteStrict(session, request, context.getResponse());
        return context.redirect(request.getContextPath() + next);
    }

    /**
     * The session cookie again, with SameSite=Strict, so that no other site's page can make the browser send it
     * (cross-site request forgery). The servlet container writes its own cookie without the attribute (Payara takes
     * it neither from web.xml nor from SessionCookieConfig); a browser keeps the last of two cookies of the same
     * name and path, which is this one. Written once, at login: the session id changes only then.
     */
    private static void sameSiteStrict(HttpSession session, HttpServletRequest request, HttpServletResponse response) {
        var config = request.getServletContext().getSessionCookieConfig();
        String name = config.getName() == null ? "JSESSIONID" : config.getName();
        String path = config.getPath() != null ? config.getPath()
                : request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.addHeader("Set-Cookie", name + "=" + session.getId() + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (config.isSecure() || request.isSecure() ? "; Secure" : ""));
    }

    private static AuthenticationStatus accept(Caller caller, HttpServletRequest request, HttpMessageContext context) {
        request.setAttribute(CurrentCaller.ATTRIBUTE, caller);
        return context.notifyContainerAboutLogin(caller.name(), groups(caller));
    }

    /**
     * The container's groups: every role the caller's includes (an admin is also an operator and a viewer), so that
     * a container-enforced constraint naming a role — Payara's {@code /metrics} with security on — sees the same
     * hierarchy as {@link AccessRules}.
     */
    static Set<String> groups(Caller caller) {
        if (caller.role() == null) {
            return Set.of(caller.kind() == Caller.Kind.WORKER ? AccessRule.WORKER : AccessRule.ENROLMENT);
        }
        return java.util.Arrays.stream(Role.values()).filter(caller.role()::includes).map(Role::wire)
                .collect(java.util.stream.Collectors.toSet());
    }
}
