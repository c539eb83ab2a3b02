package dev.muster.worker.protocol;

/**
 * How often a call is tried when the server is unreachable or answers 5xx. Workers retry without limit (they
 * must outlive a server restart; interrupting the calling thread ends the retries); the command line gives up
 * quickly so a user sees "cannot reach" instead of a hang.
 */
public record RetryPolicy(int maxTries, Backoff backoff) {

    public static RetryPolicy forever(Backoff backoff) {
        return new RetryPolicy(Integer.MAX_VALUE, backoff);
    }

    public static RetryPolicy tries(int maxTries, Backoff backoff) {
        return new RetryPolicy(maxTries, backoff);
    }

    public boolean allowsAnotherTry(int triesSoFar) {
        return triesSoFar < maxTries;
    }
}
