package dev.muster.platform.boundary;

import dev.muster.platform.Refused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class RefusedMapper implements ExceptionMapper<Refused> {

    @Override
    public Response toResponse(Refused refused) {
        return Problem.of(refused.status(), refused.field(), refused.getMessage(), null);
    }
}
