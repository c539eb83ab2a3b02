package dev.muster.platform.boundary;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * The last line: anything unforeseen is logged with an incident id and answered with that id, never with a stack
 * trace. Validation failures that surface wrapped by the EJB container are unwrapped into a 400; a broker or
 * database that cannot be reached is a 503, which clients and workers retry.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violations) {
                return new ConstraintViolationMapper().toResponse(violations);
            }
            if (t instanceof BodyTooLarge tooLarge) {
                return Problem.of(413, tooLarge.getMessage());
            }
            if (t instanceof jakarta.jms.JMSRuntimeException) {
                LOG.log(Level.WARNING, "broker unavailable", t);
                return Problem.of(503, "the message broker is not reachable; try again shortly");
            }
            if (t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                LOG.log(Level.WARNING, "lock wait timed out: {0}", String.valueOf(t));
                return Problem.of(503, "a conflicting change (e.g. an unfinished submission with the same "
                        + "idempotency key) holds a lock; try again shortly");
            }
            if (isConnectionFailure(t)) {
                LOG.log(Level.WARNING, "database unavailable: {0}", String.valueOf(t));
                return Problem.of(503, "the database is not reachable; try again shortly");
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "incident " + incident, throwable);
        return Problem.of(500, "internal error, incident " + incident + " (see the server log)");
    }

    /** SQL state class 08 is "connection exception"; 57P01–57P03 are the server shutting down or starting. */
    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException) {
            return true;
        }
        return t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
    }
}
