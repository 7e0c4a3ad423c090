package cn.gd.xueshi.playback;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.catalog.CatalogService;
import cn.gd.xueshi.catalog.CatalogViews;
import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/** The player page: a lesson's video with its captions; player.js sends the heartbeats. */
@Path("/lessons")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PlayerPages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance player(Chrome chrome, CatalogViews.CourseView course, CatalogViews.LessonView lesson,
                int heartbeatSeconds);
    }

    private final CatalogService catalog;
    private final CurrentUser user;
    private final PlaybackConfig playbackConfig;
    private final PageFrame frame;

    public PlayerPages(CatalogService catalog, CurrentUser user, PlaybackConfig playbackConfig, PageFrame frame) {
        this.catalog = catalog;
        this.user = user;
        this.playbackConfig = playbackConfig;
        this.frame = frame;
    }

    @GET
    @Path("{lessonId}")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<TemplateInstance> playerPage(@PathParam("lessonId") long lessonId) {
        user.professionalId();
        return catalog.lesson(lessonId).flatMap(lesson -> catalog.course(lesson.courseId()).map(course -> Templates
                .player(frame.chrome(), course, lesson, (int) playbackConfig.heartbeatInterval().toSeconds())));
    }
}
