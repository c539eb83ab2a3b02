package dev.muster.platform.boundary;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body the JSON binder could not read reaches some runtimes as a bare ProcessingException. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        BodyTooLarge tooLarge = BodyTooLarge.in(exception);
        return tooLarge != null ? Problem.of(413, tooLarge.getMessage()) : WebApplicationExceptionMapper.unreadable(exception);
    }
}
