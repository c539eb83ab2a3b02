package dev.muster.security.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an API method (on the method, else on its class): the least role ({@code viewer}, {@code operator},
 * {@code admin}) and/or {@link AccessRule#WORKER} or {@link AccessRule#ENROLMENT}. Muster's own annotation rather than
 * {@code @RolesAllowed}, which Jersey on Payara enforces by itself against container roles — without the role
 * hierarchy, without workers, and with its own error bodies — while RESTEasy on WildFly ignores it unless told.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {
    String[] value();
}
