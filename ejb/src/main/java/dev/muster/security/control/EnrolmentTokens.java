package dev.muster.security.control;

import dev.muster.platform.Ids;
import dev.muster.platform.Refused;
import dev.muster.security.entity.EnrolmentToken;
import dev.muster.workers.entity.WorkerRegistration;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Issues, lists and revokes enrolment tokens, and checks a registration against the one it came with. */
@Stateless
public class EnrolmentTokens {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * @param validFor null: no expiry
     * @return the secret, returned once, here
     */
    public Issued create(String name, List<String> pools, List<String> labels, Duration validFor, String createdBy) {
        return create(name, pools, labels, validFor, createdBy, TokenKind.ENROLMENT.newSecret());
    }

    /** An enrolment for all pools with a secret chosen by the operator, unless it exists. */
    public void ensure(String name, String secret) {
        boolean exists = !em.createQuery("select e.id from EnrolmentToken e where e.tokenHash = :hash", String.class)
                .setParameter("hash", Ids.sha256(secret)).getResultList().isEmpty();
        if (!exists) {
            create(name, null, null, null, "configuration", secret);
        }
    }

    private Issued create(String name, List<String> pools, List<String> labels, Duration validFor, String createdBy,
                          String secret) {
        var now = clock.instant();
        EnrolmentToken token = new EnrolmentToken(Ids.newId(), name, Ids.sha256(secret), pools, labels,
                validFor == null ? null : now.plus(validFor), createdBy, now);
        em.persist(token);
        return new Issued(token, secret);
    }

    public List<EnrolmentToken> list() {
        return em.createQuery("select e from EnrolmentToken e order by e.createdAt desc", EnrolmentToken.class)
                .setMaxResults(1000).getResultList();
    }

    public void revoke(String id) {
        EnrolmentToken token = id == null ? null : em.find(EnrolmentToken.class, id);
        if (token == null) {
            throw Refused.notFound("enrolment token", id);
        }
        token.revoke(clock.instant());
    }

    /**
     * @throws Refused 401 when the enrolment was revoked or expired since the request was recognised, 403 naming the
     *                 field when it does not allow the pool or labels asked for
     */
    public void admit(String enrolmentId, WorkerRegistration registration) {
        EnrolmentToken enrolment = em.find(EnrolmentToken.class, enrolmentId);
        if (enrolment == null || !enrolment.isUsable(clock.instant())) {
            throw Refused.unauthorized("the enrolment token is revoked or expired");
        }
        if (!enrolment.allowsPool(registration.pool())) {
            throw Refused.forbidden("pool", "this enrolment token admits workers to " + enrolment.pools() + " only");
        }
        if (!enrolment.allowsLabels(registration.labels())) {
            throw Refused.forbidden("labels", "this enrolment token allows the labels " + enrolment.labels() + " only");
        }
        enrolment.used(clock.instant());
    }

    public record Issued(EnrolmentToken token, String secret) {
    }
}
