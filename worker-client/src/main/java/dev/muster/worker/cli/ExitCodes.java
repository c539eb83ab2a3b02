package dev.muster.worker.cli;

import dev.muster.worker.protocol.ProblemException;
import dev.muster.worker.protocol.ServerUnreachableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * Maps the errors a user can expect to exit codes and one line on stderr, never a stack trace. Anything else
 * is a bug and keeps picocli's default treatment.
 */
final class ExitCodes implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

    static final int OK = 0;
    /** A command about several jobs did not succeed for all of them (e.g. {@code cancel}). */
    static final int NOT_ALL = 1;
    static final int USAGE = CommandLine.ExitCode.USAGE;
    static final int UNREACHABLE = 3;
    static final int REFUSED = 4;

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult)
            throws Exception {
        int code = getExitCode(error);
        if (code == CommandLine.ExitCode.SOFTWARE) {
            throw error;
        }
        PrintWriter err = command.getErr();
        err.println("muster: " + message(error));
        err.flush();
        return code;
    }

    /** A refused token gets said so: "forbidden" alone does not tell the user to look at MUSTER_TOKEN. */
    static String message(Throwable error) {
        if (error instanceof ProblemException problem && (problem.status() == 401 || problem.status() == 403)) {
            return "the server refused the token: " + problem.getMessage() + " (HTTP " + problem.status() + ")";
        }
        return error.getMessage();
    }

    @Override
    public int getExitCode(Throwable error) {
        if (error instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (error instanceof ServerUnreachableException) {
            return UNREACHABLE;
        }
        if (error instanceof ProblemException) {
            return REFUSED;
        }
        return CommandLine.ExitCode.SOFTWARE;
    }
}
