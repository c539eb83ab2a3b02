package dev.muster.security.boundary;

import dev.muster.security.entity.Caller;
import dev.muster.security.entity.Role;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Who may call one API method, read from its annotations (the method's, else its class's): {@link Open} for the
 * open list, {@link Allowed} naming the least role ({@code viewer}, {@code operator}, {@code admin}) and/or
 * {@code worker} (a registered worker) or {@code enrolment} (an enrolment token). A method with no rule is
 * refused to everyone: an endpoint cannot be added open by forgetting an annotation.
 */
public record AccessRule(boolean open, List<String> allowed) {

    public static final String WORKER = "worker";
    public static final String ENROLMENT = "enrolment";
    static final AccessRule NONE = new AccessRule(false, List.of());

    public static AccessRule of(Method method, Class<?> resource) {
        AccessRule rule = declared(method);
        return rule != null ? rule : declaredOr(resource);
    }

    private static AccessRule declaredOr(AnnotatedElement element) {
        AccessRule rule = declared(element);
        return rule == null ? NONE : rule;
    }

    private static AccessRule declared(AnnotatedElement element) {
        if (element.isAnnotationPresent(Open.class)) {
            return new AccessRule(true, List.of());
        }
        Allowed roles = element.getAnnotation(Allowed.class);
        return roles == null ? null : new AccessRule(false, Arrays.asList(roles.value()));
    }

    public boolean admits(Caller caller) {
        return open || caller != null && allowed.stream().anyMatch(name -> admits(name, caller));
    }

    private static boolean admits(String name, Caller caller) {
        return switch (name) {
            case WORKER -> caller.kind() == Caller.Kind.WORKER;
            case ENROLMENT -> caller.kind() == Caller.Kind.ENROLMENT;
            default -> caller.mayAct(Role.valueOf(name.toUpperCase(Locale.ROOT)));
        };
    }

    /** For a refusal: what the method needed. */
    public String describe() {
        return allowed.isEmpty() ? "nobody (the endpoint declares no access rule)" : String.join(" or ", allowed);
    }
}
