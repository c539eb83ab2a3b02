package dev.muster.workers.boundary;

import dev.muster.workers.control.WorkerRegistry;
import dev.muster.workers.entity.Worker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/** Recognises the worker behind a request by the secret it got at registration ({@code Authorization: Bearer …}). */
@RequestScoped
public class WorkerCredentials {

    private static final String BEARER = "Bearer ";

    @Inject
    WorkerRegistry registry;

    @Context
    HttpHeaders headers;

    public Worker authenticate(String workerId) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String secret = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).trim() : null;
        return registry.authenticate(workerId, secret);
    }
}
