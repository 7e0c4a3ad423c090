package cn.gd.xueshi.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import io.smallrye.mutiny.Uni;

/** Captions of published lessons, open like the catalog: the player shows them as a track. */
@Path("/api/lessons/{lessonId}/captions")
public class CaptionsResource {

    private final CatalogService catalog;

    public CaptionsResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @PermitAll
    @Produces("text/vtt;charset=UTF-8")
    public Uni<String> captions(@PathParam("lessonId") long lessonId) {
        return catalog.captions(lessonId);
    }
}
