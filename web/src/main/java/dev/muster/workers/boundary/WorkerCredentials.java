package dev.muster.workers.boundary;

import dev.muster.workers.control.WorkerRegistry;
import dev.muster.workers.entity.Worker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Recognises the worker behind a request by the secret it got at registration ({@code Authorization: Bearer …}).
 * The request comes from CDI's built-in bean: {@code @Context} in a bean that is not a JAX-RS resource is filled by
 * Jersey (Payara) but not by RESTEasy (WildFly).
 */
@RequestScoped
public class WorkerCredentials {

    private static final String BEARER = "Bearer ";

    @Inject
    WorkerRegistry registry;

    @Inject
    HttpServletRequest request;

    public Worker authenticate(String workerId) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String secret = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).trim() : null;
        return registry.authenticate(workerId, secret);
    }
}
