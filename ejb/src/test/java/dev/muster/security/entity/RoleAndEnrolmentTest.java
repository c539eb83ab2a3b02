package dev.muster.security.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleAndEnrolmentTest {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void eachRoleIncludesTheOnesBelowItAndNoneAbove() {
        assertThat(Role.ADMIN.includes(Role.OPERATOR)).isTrue();
        assertThat(Role.ADMIN.includes(Role.VIEWER)).isTrue();
        assertThat(Role.OPERATOR.includes(Role.VIEWER)).isTrue();
        assertThat(Role.OPERATOR.includes(Role.ADMIN)).isFalse();
        assertThat(Role.VIEWER.includes(Role.OPERATOR)).isFalse();
        assertThat(Role.parse("operator")).isEqualTo(Role.OPERATOR);
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("viewer, operator, admin");
    }

    @Test
    void workersAndEnrolmentsHaveNoRole() {
        Caller worker = new Caller(Caller.Kind.WORKER, "w1", "box", null);
        assertThat(worker.mayAct(Role.VIEWER)).isFalse();
        assertThat(new Caller(Caller.Kind.API_TOKEN, "t", "token:ci", Role.VIEWER).mayAct(Role.OPERATOR)).isFalse();
    }

    @Test
    void anEnrolmentAdmitsOnlyItsPoolsAndLabelsUntilItExpiresOrIsRevoked() {
        EnrolmentToken limited = new EnrolmentToken("e1", "build", "hash", List.of("build", "deploy"),
                List.of("linux", "java"), now.plusSeconds(60), "admin", now);
        assertThat(limited.allowsPool("build")).isTrue();
        assertThat(limited.allowsPool("default")).isFalse();
        assertThat(limited.allowsLabels(List.of("linux"))).isTrue();
        assertThat(limited.allowsLabels(List.of("linux", "gpu"))).isFalse();
        assertThat(limited.isUsable(now)).isTrue();
        assertThat(limited.isUsable(now.plusSeconds(60))).isFalse();
        limited.revoke(now);
        assertThat(limited.isUsable(now)).isFalse();

        EnrolmentToken any = new EnrolmentToken("e2", "all", "hash", null, List.of(), null, "admin", now);
        assertThat(any.allowsPool("anything")).isTrue();
        assertThat(any.allowsLabels(List.of("gpu"))).isTrue();
        assertThat(any.isUsable(now.plusSeconds(86_400 * 365L))).isTrue();
    }
}
