package cn.gd.xueshi.sector;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;

/** The machine API a sector system pushes confirmed hours through (role SYSTEM, its own sector only). */
@Path("/api/sector/hours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SYSTEM_)
public class SectorPushResource {

    private final SectorPushService push;
    private final CurrentUser user;

    public SectorPushResource(SectorPushService push, CurrentUser user) {
        this.push = push;
        this.user = user;
    }

    @Schema(description = "One confirmed record of the sector's own system.")
    public record SectorRecord(
            @Schema(required = true, description = "The sector system's own id of the record: its idempotency key, per client "
                    + "(1–50 of A–Z a–z 0–9 . _ : / -)", example = "HX-2026-000123") String recordId,
            @Schema(required = true, description = "The professional's resident ID number (GB 11643)", example = "440106198501010018")
            String idNumber,
            @Schema(required = true, description = "The professional's name, as registered on the platform", example = "林医生") String name,
            @Schema(required = true, description = "The study year the hours count for", example = "2026") Integer year,
            @Schema(required = true, enumeration = {"PROFESSIONAL", "ELECTIVE"}, description = "PUBLIC is refused: public "
                    + "subjects are credited only by the platform's own online courses") String category,
            @Schema(required = true, description = "Hours (学时): more than 0, tenths at most, at most the configured maximum per "
                    + "record (default 90)", example = "12.5") BigDecimal hours,
            @Schema(required = true, description = "What the hours were earned in (the ledger entry's title), 1–200 characters",
                    example = "2026 年广东省继续医学教育项目：急诊急救") String source,
            @Schema(required = true, format = "date", description = "When it was completed: within year, not after today",
                    example = "2026-03-18") String completedOn) {

        SectorRules.Pushed pushed() {
            return new SectorRules.Pushed(recordId, idNumber, name, year, category, hours, source, completedOn);
        }
    }

    @Schema(description = "A batch of at most 10,000 records (configurable), one request.")
    public record SectorPush(@Schema(required = true) List<SectorRecord> records) {
    }

    @POST
    @Operation(summary = "Push a sector system's confirmed hours", description = "Each record is ACCEPTED (credited once), "
            + "DUPLICATE (its record id was accepted before, or repeats an identical record of the batch) or REFUSED with a "
            + "stable reason code and a reason in Chinese. Sending the same batch again changes nothing. A malformed batch "
            + "(not JSON, no records, too many, a null record, text with NUL or control characters) is refused whole and writes "
            + "nothing. 401 token-revoked once the client's secret was rotated or the client disabled; 429 with Retry-After "
            + "over the client's push rate.")
    public Uni<SectorViews.SectorPushReport> push(SectorPush body) {
        List<SectorRules.Pushed> records = body == null || body.records() == null ? null
                : body.records().stream().map(r -> r == null ? null : r.pushed()).toList();
        return push.push(user.systemCaller(), records);
    }
}
