package dev.muster.security.boundary;

import dev.muster.platform.boundary.Problem;
import dev.muster.security.entity.Caller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Puts every API method behind its {@link AccessRule}: 401 (with {@code WWW-Authenticate}) for a request without a
 * usable credential, 403 for a caller who may not do this; both problem+json. The same on Jersey and RESTEasy.
 */
@Provider
public class AccessRules implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new Check(AccessRule.of(resource.getResourceMethod(), resource.getResourceClass())),
                Priorities.AUTHORIZATION);
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final AccessRule rule;

        Check(AccessRule rule) {
            this.rule = rule;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = (Caller) request.getProperty(CurrentCaller.ATTRIBUTE);
            if (rule.admits(caller)) {
                return;
            }
            if (caller == null) {
                Object refusal = request.getProperty(CurrentCaller.REFUSAL);
                request.abortWith(Response.fromResponse(Problem.of(401, refusal != null ? refusal.toString()
                                : "authentication required: send \"Authorization: Bearer <token>\""))
                        .header("WWW-Authenticate", "Bearer realm=\"muster\"").build());
                return;
            }
            request.abortWith(Problem.of(403, caller.name() + " may not do this; it needs " + rule.describe()));
        }
    }
}
