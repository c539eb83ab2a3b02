package dev.muster.worker.execution;

/**
 * A workspace archive the worker will not unpack (unsafe, over a limit, damaged, or not what the server said it
 * was). The attempt ends as an error and is not retried: the same archive would be refused again.
 */
final class WorkspaceRefusedException extends RuntimeException {

    WorkspaceRefusedException(String message) {
        super(message);
    }

    WorkspaceRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
