package dev.muster.security.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;

/**
 * Browser-facing transport settings. The session cookie (HttpOnly: web.xml; SameSite=Strict: MusterAuthentication)
 * is sent over HTTPS only with {@code muster.http.tls} (MUSTER_HTTP_TLS, default false: set it when users reach Muster over HTTPS,
 * directly or through a proxy). A response to an HTTPS request carries
 * Strict-Transport-Security, so a browser that once used HTTPS keeps to it. No page of Muster may be framed by
 * another site (clickjacking a console button), and no response is content-sniffed.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
@WebListener
public class TransportSecurity extends HttpFilter implements ServletContextListener {

    private static final String HSTS = "max-age=31536000";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setSecure(ConfigProvider.getConfig().getOptionalValue("muster.http.tls", Boolean.class).orElse(false));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
