package dev.muster.dispatch.control;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves the outbox to the broker: right after each transaction that wrote to it commits, and every two seconds for
 * whatever is left (the broker was away, or an instance died between its commit and its relay — any instance takes
 * over another's entries). One relay runs at a time per instance; wake-ups while it runs make it go round again, so
 * a burst of submissions is relayed in batches rather than one message per thread.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 200;

    @Inject
    OutboxBatches batches;

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final AtomicBoolean relaying = new AtomicBoolean();
    private volatile boolean wanted;
    private volatile boolean failing;

    /** Called inside a transaction that wrote to the outbox: relays once it has committed. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void relayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "muster outbox sweep")
    void sweep() {
        wake();
    }

    private void wake() {
        wanted = true;
        if (relaying.compareAndSet(false, true)) {
            try {
                executor.execute(this::relay);
            } catch (RejectedExecutionException e) {
                relaying.set(false); // shutting down: the next start's sweep relays what is left
            }
        }
    }

    private void relay() {
        boolean failed = false;
        try {
            while (wanted) {
                wanted = false;
                while (batches.relay(BATCH) == BATCH) {
                    // a full batch: there may be more
                }
            }
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, "relaying queued jobs to the broker again");
            }
        } catch (RuntimeException e) {
            failed = true;
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "cannot relay queued jobs to the broker; they are safe in the database and "
                        + "are relayed every 2 s until it works: {0}", String.valueOf(e));
            }
        } finally {
            relaying.set(false);
        }
        // A wake-up between the last look at 'wanted' and the reset above found the relay still running.
        if (wanted && !failed) {
            wake();
        }
    }
}
