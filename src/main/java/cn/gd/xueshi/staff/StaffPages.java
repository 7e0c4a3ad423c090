package cn.gd.xueshi.staff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.GuangdongCity;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.shared.Years;
import cn.gd.xueshi.web.Chrome;
import cn.gd.xueshi.web.PageFrame;

/**
 * The employer administrator's staff page: the unit's staff with their standing for the year, a
 * page at a time, the import (the page's script posts the file to the API and shows its report) and
 * the sample file.
 */
@Path("/employer/staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Role.EMPLOYER_ADMIN_)
public class StaffPages {

    static final int PAGE = 50;
    private static final byte[] SAMPLE = readSample();

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance staff(Chrome chrome, int year, long total, List<Row> rows, Integer previous, Integer next,
                int from, int to, String formatHelp);
    }

    /** One member of staff as the page shows them, hours already written out. */
    public record Row(long professionalId, String name, String maskedIdNumber, String sector, String titleLevel, String city,
            String since, String publicHours, String professional, String elective, String total, String pending, boolean complete,
            String missing) {
    }

    private final StaffService staff;
    private final CurrentUser user;
    private final PageFrame frame;

    public StaffPages(StaffService staff, CurrentUser user, PageFrame frame) {
        this.staff = staff;
        this.user = user;
        this.frame = frame;
    }

    @GET
    public Uni<TemplateInstance> page(@QueryParam("year") String year, @QueryParam("offset") String offset) {
        long unit = StaffScope.unit(user.roles(), user.employerId());
        int y = year == null ? staff.thisYear() : Years.parse(year);
        int from = offset(offset);
        return staff.standing(unit, y, from, PAGE).map(s -> Templates.staff(frame.chrome(), y, s.total(),
                s.staff().stream().map(StaffPages::row).toList(), from > 0 ? Math.max(0, from - PAGE) : null,
                from + PAGE < s.total() ? from + PAGE : null, s.staff().isEmpty() ? 0 : from + 1, from + s.staff().size(),
                StaffSheet.FORMAT_HELP));
    }

    /** A sample staff file (UTF-8 with a byte order mark, as Excel opens it): a few people and one faulty row. */
    @GET
    @Path("sample.csv")
    @Produces("text/csv;charset=UTF-8")
    public Response sample() {
        return Response.ok(SAMPLE).header("Content-Disposition", "attachment; filename=\"staff-sample.csv\"").build();
    }

    private static int offset(String raw) {
        try {
            int n = raw == null ? 0 : Integer.parseInt(raw.strip());
            return n < 0 || n > 100_000_000 ? 0 : n;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Row row(StaffViews.Member m) {
        var h = m.standing();
        StaffStanding.Hours total = h.get(StaffStanding.Line.TOTAL);
        return new Row(m.professionalId(), m.name(), m.maskedIdNumber(), m.sectorLabel(), m.titleLabel(),
                GuangdongCity.NAMES.getOrDefault(m.cityCode(), m.cityCode()), m.since().toString(),
                ratio(h.get(StaffStanding.Line.PUBLIC)), ratio(h.get(StaffStanding.Line.PROFESSIONAL)),
                ratio(h.get(StaffStanding.Line.ELECTIVE)), ratio(total), plain(total.pending()), total.complete(),
                missing(h));
    }

    private static String ratio(StaffStanding.Hours hours) {
        return plain(hours.confirmed()) + " / " + plain(hours.required());
    }

    /** What is missing, by category, since categories do not substitute for one another. */
    private static String missing(java.util.Map<StaffStanding.Line, StaffStanding.Hours> h) {
        StringBuilder out = new StringBuilder();
        String[] labels = {"公需", "专业", "选修"};
        StaffStanding.Line[] lines = {StaffStanding.Line.PUBLIC, StaffStanding.Line.PROFESSIONAL, StaffStanding.Line.ELECTIVE};
        for (int i = 0; i < lines.length; i++) {
            BigDecimal m = h.get(lines[i]).missing();
            if (m.signum() > 0) {
                out.append(out.isEmpty() ? "" : "，").append(labels[i]).append("差 ").append(plain(m));
            }
        }
        return out.toString();
    }

    private static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    private static byte[] readSample() {
        try (InputStream in = StaffPages.class.getResourceAsStream("/staff/sample.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
