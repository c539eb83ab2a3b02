package dev.muster.security.control;

import dev.muster.platform.Ids;
import dev.muster.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * What a fresh installation needs to be usable and nothing more: the first admin, and the tokens automation asked
 * for in its configuration. Runs at every start and creates only what is missing.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class SecurityBootstrap {

    private static final System.Logger LOG = System.getLogger(SecurityBootstrap.class.getName());
    /** Any constant shared by all instances: the advisory lock that lets only one of them bootstrap at a time. */
    private static final long BOOTSTRAP_LOCK = 0x6d75737465720006L;
    static final String ADMIN = "admin";

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    ApiTokens apiTokens;

    @Inject
    EnrolmentTokens enrolments;

    @Inject
    @ConfigProperty(name = "muster.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "muster.bootstrap.token")
    Optional<String> bootstrapToken;

    @Inject
    @ConfigProperty(name = "muster.bootstrap.enrolment-token")
    Optional<String> bootstrapEnrolment;

    @PostConstruct
    void bootstrap() {
        // Instances starting together against an empty database would otherwise all create the first admin.
        em.createNativeQuery("select pg_advisory_xact_lock(" + BOOTSTRAP_LOCK + ")").getSingleResult();
        if (!users.anyExist()) {
            createFirstAdmin();
        }
        bootstrapToken.filter(token -> !token.isBlank())
                .ifPresent(token -> apiTokens.ensure("bootstrap", Role.ADMIN, token.trim()));
        bootstrapEnrolment.filter(token -> !token.isBlank())
                .ifPresent(token -> enrolments.ensure("bootstrap", token.trim()));
    }

    private void createFirstAdmin() {
        Optional<String> configured = adminPassword.filter(password -> !password.isBlank());
        String password = configured.orElseGet(Ids::newSecret);
        users.create(ADMIN, password.toCharArray(), Role.ADMIN);
        if (configured.isPresent()) {
            LOG.log(Level.INFO, "Created the console user \"admin\" with the password from MUSTER_ADMIN_PASSWORD");
        } else {
            // Shown once: the database keeps only its hash. Whoever reads this log holds admin until it is changed.
            LOG.log(Level.WARNING, "\n\n    Created the console user \"admin\" with the generated password\n\n        "
                    + password + "\n\n    It is shown only this once. Set MUSTER_ADMIN_PASSWORD to choose it instead.\n");
        }
    }
}
