package dev.muster.security.boundary;

import dev.muster.platform.boundary.Problem;
import dev.muster.security.entity.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The console is for logged-in users (any role; what each may do is {@code ConsoleUser}'s to say). Anyone else is
 * sent to the login page and back afterwards; an Ajax request is told to go there the way Faces understands, and the
 * live log feed, which a script reads, answers 401.
 */
@WebFilter(urlPatterns = "/console/*", asyncSupported = true)
public class ConsoleGate extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Caller caller = (Caller) request.getAttribute(CurrentCaller.ATTRIBUTE);
        if (caller != null && caller.role() != null) {
            chain.doFilter(request, response);
            return;
        }
        String target = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String login = request.getContextPath() + MusterAuthentication.LOGIN_PAGE + "?next="
                + URLEncoder.encode(LoginTarget.of(target), StandardCharsets.UTF_8);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
        } else if (request.getServletPath().startsWith("/console/log-feed")) {
            Problem.write(response, 401, "log in to the console first");
        } else {
            response.sendRedirect(login);
        }
    }
}
