package dev.muster.worker.protocol;

/**
 * The server answered {@code 409} for an attempt: this worker no longer holds its lease (it expired or the
 * job went to another worker), so whatever runs for that attempt must be stopped and never reported again.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String attemptId) {
        super("lease lost for attempt " + attemptId);
    }
}
