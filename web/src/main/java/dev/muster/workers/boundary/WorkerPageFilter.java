package dev.muster.workers.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The browser worker page ({@code /worker}): sends {@code /worker} on to the folder, so the page's relative URLs
 * resolve, and gives every file of it a Content-Security-Policy. Job scripts are imported from {@code blob:} URLs
 * inside Web Workers (which take the policy of their own script's response), and may talk only to this server —
 * a job cannot send its input anywhere else.
 */
@WebFilter(urlPatterns = {"/worker", "/worker/*"})
public class WorkerPageFilter extends HttpFilter {

    static final String POLICY = "default-src 'none'; script-src 'self' blob:; worker-src 'self' blob:; "
            + "connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getServletPath().equals("/worker") && request.getPathInfo() == null) {
            String query = request.getQueryString();
            response.sendRedirect(request.getContextPath() + "/worker/" + (query == null ? "" : "?" + query));
            return;
        }
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
