package cn.gd.xueshi.catalog;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.shared.Years;

@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogService catalog;

    public CatalogResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    public record CatalogDto(int year, String title, List<SubjectDto> subjects) {
    }

    public record SubjectDto(long id, String code, String title, String guide, List<CourseSummaryDto> courses) {
    }

    public record CourseSummaryDto(long id, String title, BigDecimal hours, int lessonCount, boolean demo) {
    }

    /** The public catalog is open to everyone, signed in or not. */
    @GET
    @Path("/{year}")
    @PermitAll
    public Uni<CatalogDto> year(@PathParam("year") String year) {
        int y = Years.parse(year);
        return catalog.year(y).map(v -> new CatalogDto(v.year(), v.title(), v.subjects().stream()
                .map(s -> new SubjectDto(s.id(), s.code(), s.title(), s.guideMarkdown(), s.courses().stream()
                        .map(c -> new CourseSummaryDto(c.id(), c.title(), c.hours(), c.lessonCount(), c.demo())).toList()))
                .toList()));
    }
}
