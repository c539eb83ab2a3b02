package dev.muster.security.boundary;

import dev.muster.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** Who the current request comes from, as {@link MusterAuthentication} recognised it; empty for anonymous. */
@RequestScoped
public class CurrentCaller {

    /** The request attribute {@link MusterAuthentication} leaves the caller in; JAX-RS sees it as a property. */
    static final String ATTRIBUTE = "dev.muster.caller";
    /** Why a presented credential was not accepted, for the 401's detail. */
    static final String REFUSAL = "dev.muster.caller.refused";

    @Inject
    HttpServletRequest request;

    public Optional<Caller> get() {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    /** The name a job submitted by this caller records as its submitter; null for anonymous. */
    public String name() {
        return get().map(Caller::name).orElse(null);
    }
}
