package cn.gd.xueshi.catalog;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.shared.SafeMarkdown;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;
import cn.gd.xueshi.web.PageShell;

/** The year's public catalog, the same for every visitor of a kind: a shell with holes (see {@link PageShell}). */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CatalogPages {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance catalog(Chrome chrome, CatalogViews.YearView catalog, List<String> guides);
    }

    private final PageShell.Cache catalogShells = new PageShell.Cache();
    private final CatalogService catalog;
    private final CurrentUser user;
    private final PageFrame frame;

    public CatalogPages(CatalogService catalog, CurrentUser user, PageFrame frame) {
        this.catalog = catalog;
        this.user = user;
        this.frame = frame;
    }

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create("/catalog/" + frame.year())).build();
    }

    @GET
    @Path("catalog/{year}")
    @PermitAll
    public Uni<String> catalogPage(@PathParam("year") int year) {
        return user.load().chain(() -> catalog.year(year)).map(view -> catalogShell(view).fill(
                user.signedIn() ? user.displayName() : null, frame.csrf()));
    }

    private PageShell catalogShell(CatalogViews.YearView view) {
        return frame.shell(catalogShells, view.year(), view, chrome -> PageShell.cut(Templates.catalog(chrome, view, view.subjects()
                .stream().map(s -> SafeMarkdown.toHtml(s.guideMarkdown())).toList()).render(), 2));
    }
}
