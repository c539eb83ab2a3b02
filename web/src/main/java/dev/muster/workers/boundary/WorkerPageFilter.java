package dev.muster.workers.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The browser worker page ({@code /worker}, which the container redirects to the folder {@code /worker/}, keeping
 * the query): every file of it gets a Content-Security-Policy. Job scripts are imported from {@code blob:} URLs
 * inside Web Workers (which take the policy of their own script's response), and may talk only to this server —
 * a job cannot send its input anywhere else.
 */
@WebFilter("/worker/*")
public class WorkerPageFilter extends HttpFilter {

    private static final String POLICY = "default-src 'none'; script-src 'self' blob:; worker-src 'self' blob:; "
            + "connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
