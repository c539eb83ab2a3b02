package dev.muster.security.control;

import dev.muster.platform.Ids;
import dev.muster.security.entity.ApiToken;
import dev.muster.security.entity.Caller;
import dev.muster.security.entity.EnrolmentToken;
import dev.muster.security.entity.User;
import dev.muster.workers.entity.Worker;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Recognises callers by what they present: a bearer token, a password, or the name a console session holds. */
@Stateless
public class Callers {

    /** A token's last use is recorded at most this often: a busy CI token must not cost a write per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private final PasswordHashing passwords = new PasswordHashing();

    /** Empty for a token nobody issued, or one revoked or expired, or a worker that left or was revoked. */
    public Optional<Caller> byToken(String token) {
        String hash = Ids.sha256(token);
        return switch (TokenKind.of(token)) {
            case API -> apiToken(hash);
            case ENROLMENT -> enrolment(hash);
            case WORKER -> worker(hash);
        };
    }

    /** Empty unless the user exists and the password is theirs; takes as long for an unknown name. */
    public Optional<Caller> byPassword(String name, char[] password) {
        User user = name == null ? null : em.find(User.class, name);
        boolean matches = passwords.matches(password, user == null ? null : user.passwordHash());
        return matches ? Optional.of(asCaller(user)) : Optional.empty();
    }

    /** A console session's user, re-read on every request so that a deleted user or changed role applies at once. */
    public Optional<Caller> byUserName(String name) {
        return Optional.ofNullable(em.find(User.class, name)).map(Callers::asCaller);
    }

    private Optional<Caller> apiToken(String hash) {
        List<ApiToken> found = em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", hash).getResultList();
        if (found.isEmpty() || found.get(0).isRevoked()) {
            return Optional.empty();
        }
        ApiToken token = found.get(0);
        Instant now = clock.instant();
        em.createQuery("update ApiToken t set t.lastUsedAt = :now where t.id = :id "
                        + "and (t.lastUsedAt is null or t.lastUsedAt < :stale)")
                .setParameter("now", now).setParameter("id", token.id())
                .setParameter("stale", now.minus(LAST_USED_RESOLUTION)).executeUpdate();
        return Optional.of(new Caller(Caller.Kind.API_TOKEN, token.id(), "token:" + token.name(), token.role()));
    }

    private Optional<Caller> enrolment(String hash) {
        return em.createQuery("select e from EnrolmentToken e where e.tokenHash = :hash", EnrolmentToken.class)
                .setParameter("hash", hash).getResultList().stream()
                .filter(enrolment -> enrolment.isUsable(clock.instant()))
                .findFirst()
                .map(enrolment -> new Caller(Caller.Kind.ENROLMENT, enrolment.id(), "enrolment:" + enrolment.name(), null));
    }

    private Optional<Caller> worker(String hash) {
        // A revoked worker is still recognised, so that it can be told it was revoked (WorkerRegistry.present).
        return em.createQuery("select w from Worker w where w.secretHash = :hash "
                        + "and (w.state <> :gone or w.revokedAt is not null)", Worker.class)
                .setParameter("hash", hash).setParameter("gone", Worker.GONE).getResultList().stream()
                .findFirst()
                .map(worker -> new Caller(Caller.Kind.WORKER, worker.id(), worker.name(), null));
    }

    private static Caller asCaller(User user) {
        return new Caller(Caller.Kind.USER, user.name(), user.name(), user.role());
    }
}
