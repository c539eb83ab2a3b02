package dev.muster.security.boundary;

import dev.muster.security.entity.Caller;
import dev.muster.security.entity.Role;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST endpoint, found by walking the compiled resource classes, declares who may call it — so a new endpoint
 * cannot be added open by accident. The running server's answers to anonymous calls are checked by SecurityIT.
 */
public class AccessInventoryTest {

    /** The API's open list: nothing under /api is callable without a credential. */
    private static final Set<String> OPEN = Set.of();
    private static final Set<String> NAMES = Set.of("viewer", "operator", "admin", AccessRule.WORKER, AccessRule.ENROLMENT);

    @Test
    void everyEndpointHasARuleNamingOnlyKnownRolesAndOnlyTheOpenListIsOpen() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the resource classes were found").hasSizeGreaterThan(20);
        for (Endpoint endpoint : endpoints) {
            AccessRule rule = AccessRule.of(endpoint.method(), endpoint.method().getDeclaringClass());
            assertThat(rule).as(endpoint + " declares no access rule (@Allowed or @Open)")
                    .isNotEqualTo(AccessRule.NONE);
            assertThat(NAMES).as(endpoint + " names only known roles").containsAll(rule.allowed());
            assertThat(rule.open()).as(endpoint + " is open").isEqualTo(OPEN.contains(endpoint.toString()));
        }
    }

    @Test
    void theManagementApiIsForAdminsAndWorkersActOnlyAsWorkers() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            AccessRule rule = AccessRule.of(endpoint.method(), endpoint.method().getDeclaringClass());
            if (endpoint.path().startsWith("v1/tokens") || endpoint.path().startsWith("v1/enrolment-tokens")
                    || endpoint.path().startsWith("v1/users") || endpoint.path().endsWith("/revoke")) {
                assertThat(rule.allowed()).as(endpoint.toString()).containsExactly("admin");
            }
            boolean workerProtocol = endpoint.path().matches("v1/workers/\\{workerId}/(lease|heartbeat|attempts/.*)");
            if (workerProtocol) {
                assertThat(rule.allowed()).as(endpoint.toString()).containsExactly(AccessRule.WORKER);
            }
        }
    }

    @Test
    void aRuleAdmitsHigherRolesAndOnlyTheKindsItNames() {
        AccessRule operator = new AccessRule(false, List.of("operator"));
        assertThat(operator.admits(user(Role.ADMIN))).isTrue();
        assertThat(operator.admits(user(Role.OPERATOR))).isTrue();
        assertThat(operator.admits(user(Role.VIEWER))).isFalse();
        assertThat(operator.admits(null)).isFalse();
        assertThat(operator.admits(new Caller(Caller.Kind.WORKER, "w", "w", null))).isFalse();

        AccessRule worker = new AccessRule(false, List.of(AccessRule.WORKER));
        assertThat(worker.admits(new Caller(Caller.Kind.WORKER, "w", "w", null))).isTrue();
        assertThat(worker.admits(user(Role.ADMIN))).as("an admin is not a worker").isFalse();
        assertThat(worker.admits(new Caller(Caller.Kind.ENROLMENT, "e", "e", null))).isFalse();
        assertThat(AccessRule.NONE.admits(user(Role.ADMIN))).isFalse();
    }

    @Test
    void theLoginFormSendsUsersOnlyToConsolePagesOfThisServer() {
        assertThat(LoginTarget.of("/console/jobs.xhtml?state=FAILED")).isEqualTo("/console/jobs.xhtml?state=FAILED");
        assertThat(LoginTarget.of("//evil.example/console")).isEqualTo(LoginTarget.DEFAULT);
        assertThat(LoginTarget.of("https://evil.example/")).isEqualTo(LoginTarget.DEFAULT);
        assertThat(LoginTarget.of("/console\\@evil")).isEqualTo(LoginTarget.DEFAULT);
        assertThat(LoginTarget.of("/console/\r\nSet-Cookie: x")).isEqualTo(LoginTarget.DEFAULT);
        assertThat(LoginTarget.of(null)).isEqualTo(LoginTarget.DEFAULT);
    }

    private static Caller user(Role role) {
        return new Caller(Caller.Kind.USER, "u", "u", role);
    }

    public record Endpoint(String httpMethod, String path, Method method) {
        @Override
        public String toString() {
            return httpMethod + " /api/" + path;
        }
    }

    /** The compiled classes of this module that are JAX-RS root resources, and their resource methods. */
    public static List<Endpoint> endpoints() throws IOException, URISyntaxException, ClassNotFoundException {
        var classes = Paths.get(AccessRule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AccessInventoryTest.class.getClassLoader());
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    Arrays.stream(method.getAnnotations())
                            .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .ifPresent(http -> {
                                Path sub = method.getAnnotation(Path.class);
                                endpoints.add(new Endpoint(http.value(), root.value() + (sub == null ? "" : "/" + sub.value()), method));
                            });
                }
            }
        }
        return endpoints;
    }
}
