package dev.muster.dispatch.control;

import jakarta.ejb.ApplicationException;

/**
 * A broker transaction of its own ({@code REQUIRES_NEW}) that failed while its caller's transaction was suspended:
 * rolls it back and reaches the caller, whose transaction then rolls back too.
 *
 * <p>Why not a plain runtime exception: Payara rolls back a new transaction after a system exception outside its
 * error handling, and when that rollback fails — the broker connection is gone, so the XA rollback fails too — it
 * never resumes the caller's suspended transaction. That transaction is then neither committed nor rolled back and
 * keeps its database connection and row locks until the server stops: a broker restart left outbox rows locked that
 * way, and {@code SKIP LOCKED} passed over their jobs for good. After an application exception Payara rolls back
 * inside its error handling and resumes the caller either way.
 */
@ApplicationException(rollback = true)
public class BrokerTransactionFailed extends RuntimeException {

    public BrokerTransactionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
