package cn.gd.xueshi.playback;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.shared.ProblemException;

/** Only learners play lessons. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PROFESSIONAL_)
public class PlaybackResource {

    private final PlaybackService playback;
    private final CurrentUser user;

    public PlaybackResource(PlaybackService playback, CurrentUser user) {
        this.playback = playback;
        this.user = user;
    }

    public record HeartbeatRequest(Double positionSeconds, Boolean playing, Boolean visible, Double playbackRate) {
    }

    public record HeartbeatResponse(double watchedSeconds, double coverage, boolean completed, boolean attentionRequired,
            boolean dailyCapReached) {
    }

    public record MediaResponse(String mediaUrl) {
    }

    @POST
    @Path("/lessons/{lessonId}/sessions")
    public Uni<Response> start(@PathParam("lessonId") long lessonId) {
        return playback.start(user.professionalId(), lessonId).map(s -> Response.status(201).entity(s).build());
    }

    @POST
    @Path("/sessions/{sessionId}/heartbeats")
    public Uni<HeartbeatResponse> heartbeat(@PathParam("sessionId") String sessionId, HeartbeatRequest request) {
        PlaybackService.Beat beat = validate(request);
        return playback.heartbeat(user.professionalId(), sessionUuid(sessionId), beat)
                .map(r -> new HeartbeatResponse(r.progress().watchedSeconds(), r.progress().coverage(), r.progress().completed(),
                        r.attentionRequired(), r.dailyCapReached()));
    }

    /** The learner confirms being there after the player asked (idle players earn nothing). */
    @POST
    @Path("/sessions/{sessionId}/attention")
    public Uni<Response> confirmAttention(@PathParam("sessionId") String sessionId) {
        return playback.confirmAttention(user.professionalId(), sessionUuid(sessionId)).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/sessions/{sessionId}/media")
    public Uni<MediaResponse> media(@PathParam("sessionId") String sessionId) {
        return playback.mediaUrl(user.professionalId(), sessionUuid(sessionId)).map(MediaResponse::new);
    }

    static PlaybackService.Beat validate(HeartbeatRequest r) {
        if (r == null || r.positionSeconds() == null || r.playing() == null || r.visible() == null) {
            throw ProblemException.badRequest("invalid-heartbeat", "心跳需要 positionSeconds、playing 和 visible 字段。");
        }
        double position = r.positionSeconds();
        double rate = r.playbackRate() == null ? 1.0 : r.playbackRate();
        if (!Double.isFinite(position) || position < 0 || position > 86_400) {
            throw ProblemException.unprocessable("invalid-position", "播放位置应在 0 到 86400 秒之间。");
        }
        if (!Double.isFinite(rate) || rate <= 0 || rate > 16) {
            throw ProblemException.unprocessable("invalid-rate", "播放速率应大于 0 且不超过 16。");
        }
        return new PlaybackService.Beat(position, r.playing(), r.visible(), rate);
    }

    static UUID sessionUuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("播放会话不存在，请重新打开视频。");
        }
    }
}
