package cn.gd.xueshi.catalog;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.media.ObjectStore;
import cn.gd.xueshi.shared.ProblemException;

/**
 * A published course's cover: a redirect to a fresh presigned URL of the image in the store, so a
 * page (cached as a shell for many visitors) can name it by a URL that never expires.
 */
@Path("/api/courses/{courseId}/cover")
public class CoverResource {

    private final CatalogService catalog;
    private final ObjectStore store;

    public CoverResource(CatalogService catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @GET
    @PermitAll
    public Uni<Response> cover(@PathParam("courseId") long courseId) {
        return catalog.course(courseId).map(c -> {
            if (c.coverKey() == null) {
                throw ProblemException.notFound("该课程没有封面。");
            }
            return Response.seeOther(URI.create(store.presignedGet(c.coverKey()))).header("Cache-Control", "private, max-age=600").build();
        });
    }
}
