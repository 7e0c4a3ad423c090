package cn.gd.xueshi.sector;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.gd.xueshi.identity.Sector;

/** What the sector feature answers. */
public final class SectorViews {

    private SectorViews() {
    }

    /** What became of one record. */
    public enum Status {
        ACCEPTED, DUPLICATE, REFUSED
    }

    @Schema(name = "SectorRecordResult", description = "What became of one pushed record, in the order sent.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecordResult(@Schema(description = "The record id as sent") String recordId,
            @Schema(required = true) Status status,
            @Schema(description = "A stable code: why the record was refused, or duplicate-differs for a duplicate whose fields differ "
                    + "from the record accepted under its id", example = "unknown-person") String reason,
            @Schema(description = "The reason in Chinese") String detail) {
    }

    @Schema(name = "SectorPushReport", description = "The answer to a push: counts and one result per record, in the order sent.")
    public record PushReport(int accepted, int duplicates, int refused, List<RecordResult> results) {
    }

    @Schema(name = "SectorClient", description = "A sector system's client as HR sees it, with what it has pushed.")
    public record Client(String clientId, String name, Sector sector, int secretVersion, boolean enabled, String createdBy,
            Instant createdAt, Instant secretSetAt, long acceptedRecords, long refusedRecords, BigDecimal acceptedHours,
            Instant lastPushAt) {
    }

    @Schema(name = "SectorClientSecret", description = "A client's secret, shown this once; only its hash is kept.")
    public record ClientSecret(String clientId, String clientSecret, int secretVersion) {
    }

    @Schema(name = "SectorPushedRecord", description = "One record a client pushed, as stored (ID number masked).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PushedRecord(String recordId, String status, String reason, String detail, Long professionalId, String idNumber,
            String name, Integer year, String category, BigDecimal hours, String source, LocalDate completedOn, Instant pushedAt) {
    }

    @Schema(name = "SectorPushedRecords", description = "A page of a client's records, newest first.")
    public record PushedRecords(String clientId, long total, int offset, int limit, List<PushedRecord> records) {
    }
}
