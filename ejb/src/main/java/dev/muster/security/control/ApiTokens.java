package dev.muster.security.control;

import dev.muster.platform.Ids;
import dev.muster.platform.Refused;
import dev.muster.security.entity.ApiToken;
import dev.muster.security.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;

/** Issues, lists and revokes API tokens. */
@Stateless
public class ApiTokens {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The secret is returned once, here; only its hash is kept. */
    public Issued create(String name, Role role, String createdBy) {
        return create(name, role, createdBy, TokenKind.API.newSecret());
    }

    /** An API token with a secret chosen by the operator ({@code MUSTER_BOOTSTRAP_TOKEN}), unless it exists. */
    public void ensure(String name, Role role, String secret) {
        boolean exists = !em.createQuery("select t.id from ApiToken t where t.tokenHash = :hash", String.class)
                .setParameter("hash", Ids.sha256(secret)).getResultList().isEmpty();
        if (!exists) {
            create(name, role, "configuration", secret);
        }
    }

    private Issued create(String name, Role role, String createdBy, String secret) {
        ApiToken token = new ApiToken(Ids.newId(), name, role, Ids.sha256(secret), createdBy, clock.instant());
        em.persist(token);
        return new Issued(token, secret);
    }

    public List<ApiToken> list() {
        return em.createQuery("select t from ApiToken t order by t.createdAt desc", ApiToken.class)
                .setMaxResults(1000).getResultList();
    }

    /** Idempotent: revoking a revoked token changes nothing. */
    public void revoke(String id) {
        ApiToken token = id == null ? null : em.find(ApiToken.class, id);
        if (token == null) {
            throw Refused.notFound("API token", id);
        }
        token.revoke(clock.instant());
    }

    public record Issued(ApiToken token, String secret) {
    }
}
