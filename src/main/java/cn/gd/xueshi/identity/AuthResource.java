package cn.gd.xueshi.identity;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.shared.ProblemException;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final SystemClients clients;

    public AuthResource(AuthService auth, SystemClients clients) {
        this.auth = auth;
        this.clients = clients;
    }

    public record LoginRequest(String username, String password) {
    }

    public record LoginResponse(String token, Instant expiresAt, List<String> roles) {
    }

    public record ClientTokenRequest(String clientId, String clientSecret) {
    }

    public record ClientToken(String token, Instant expiresAt) {
    }

    /** A sector system's client gets a token (role SYSTEM, its sector) for its id and secret. */
    @POST
    @Path("/clients/token")
    @PermitAll
    public Uni<ClientToken> clientToken(ClientTokenRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("missing-credentials", "请提供客户端编号和密钥。");
        }
        return clients.token(request.clientId(), request.clientSecret()).map(t -> new ClientToken(t.token(), t.expiresAt()));
    }

    /** Anyone may try to sign in. */
    @POST
    @Path("/login")
    @PermitAll
    public Uni<LoginResponse> login(LoginRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("missing-credentials", "请输入用户名和密码。");
        }
        return auth.signIn(request.username(), request.password()).map(AuthService::orRefuse)
                .map(s -> new LoginResponse(s.token().token(), s.token().expiresAt(),
                        s.account().roleSet().stream().sorted().toList()));
    }
}
