package cn.gd.xueshi.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.shared.Years;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class HoursResource {

    private final HourLedger ledger;
    private final CurrentUser user;
    private final Clock clock;

    public HoursResource(HourLedger ledger, CurrentUser user, Clock clock) {
        this.ledger = ledger;
        this.user = user;
        this.clock = clock;
    }

    public record HoursDto(BigDecimal publicHours, BigDecimal professional, BigDecimal elective, BigDecimal total) {
        static HoursDto of(YearRecord.Hours h) {
            return new HoursDto(h.publicHours(), h.professional(), h.elective(), h.total());
        }
    }

    public record EntryDto(long id, String category, String source, String sourceRef, String kind, String status,
            BigDecimal hours, String title, Long reverses, String reason, Instant recordedAt) {
        static EntryDto of(HourEntry e) {
            return new EntryDto(e.id, e.category, e.source, e.sourceRef, e.kind, e.status, e.hours, e.title,
                    e.reversesId, e.reason, e.recordedAt);
        }
    }

    public record MyHoursDto(int year, HoursDto requirement, HoursDto earned, boolean complete, List<EntryDto> entries) {
    }

    public record RevocationRequest(String reason) {
    }

    /** A learner's own yearly record. */
    @GET
    @Path("/me/hours")
    @RolesAllowed(Role.PROFESSIONAL_)
    public Uni<MyHoursDto> myHours(@QueryParam("year") String year) {
        int y = year == null || year.isBlank() ? LocalDate.now(clock).getYear() : Years.parse(year);
        return ledger.statement(user.professionalId(), y).map(s -> new MyHoursDto(y, HoursDto.of(s.record().requirement()),
                HoursDto.of(s.record().earned()), s.record().complete(), s.entries().stream().map(EntryDto::of).toList()));
    }

    /** Only an HR administrator whose region covers the professional revokes registered hours, and always with a reason. */
    @POST
    @Path("/hours/entries/{entryId}/revocations")
    @RolesAllowed(Role.HR_ADMIN_)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> revoke(@PathParam("entryId") long entryId, RevocationRequest request) {
        return ledger.revoke(entryId, request == null ? null : request.reason(), user.username(), user.scope())
                .map(e -> Response.status(201).entity(EntryDto.of(e)).build());
    }
}
