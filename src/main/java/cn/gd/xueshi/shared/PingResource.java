package cn.gd.xueshi.shared;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The service's trivial endpoint (same HTTP, REST and security stack as every other): load balancers and benchmarks. */
@Path("/api/ping")
public class PingResource {

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "pong";
    }
}
