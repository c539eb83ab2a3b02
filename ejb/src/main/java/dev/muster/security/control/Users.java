package dev.muster.security.control;

import dev.muster.platform.Refused;
import dev.muster.security.entity.Role;
import dev.muster.security.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;

/** The console's users. */
@Stateless
public class Users {

    /** NIST SP 800-63B's minimum for a password a user chooses. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private final PasswordHashing passwords = new PasswordHashing();

    /** @throws Refused 409 when the name is taken, 422 for a password that is too short */
    public User create(String name, char[] password, Role role) {
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw Refused.unprocessable("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (em.find(User.class, name) != null) {
            throw Refused.conflict("there is already a user named " + name);
        }
        User user = new User(name, passwords.hash(password), role, clock.instant());
        em.persist(user);
        return user;
    }

    public boolean anyExist() {
        return !em.createQuery("select u.name from User u", String.class).setMaxResults(1).getResultList().isEmpty();
    }

    public List<User> list() {
        return em.createQuery("select u from User u order by u.name", User.class).setMaxResults(1000).getResultList();
    }

    /** @throws Refused 409 for the last admin: nobody could manage users and tokens any more */
    public void delete(String name) {
        User user = name == null ? null : em.find(User.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw Refused.notFound("user", name);
        }
        if (user.role() == Role.ADMIN && lockAdmins() == 1) {
            throw Refused.conflict(name + " is the last admin; make another admin first");
        }
        em.remove(user);
    }

    /** Locks every admin, so that two admins deleting each other at once cannot leave none. */
    private int lockAdmins() {
        return em.createQuery("select u from User u where u.role = :admin", User.class)
                .setParameter("admin", Role.ADMIN.wire())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().size();
    }
}
