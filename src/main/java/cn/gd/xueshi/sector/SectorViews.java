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

    @Schema(description = "What became of one pushed record, in the order sent.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SectorRecordResult(@Schema(description = "The record id as sent") String recordId,
            @Schema(required = true) Status status,
            @Schema(description = "A stable code: why the record was refused, or duplicate-differs for a duplicate whose fields differ "
                    + "from the record accepted under its id", example = "unknown-person") String reason,
            @Schema(description = "The reason in Chinese") String detail) {
    }

    @Schema(description = "The answer to a push: counts and one result per record, in the order sent.")
    public record SectorPushReport(int accepted, int duplicates, int refused, List<SectorRecordResult> results) {
    }

    @Schema(description = "A sector system's client as HR sees it, with what it has pushed.")
    public record SectorClient(String clientId, String name, Sector sector, int secretVersion, boolean enabled, String createdBy,
            Instant createdAt, Instant secretSetAt, long acceptedRecords, long refusedRecords, BigDecimal acceptedHours,
            Instant lastPushAt) {
    }

    @Schema(description = "A client's secret, shown this once; only its hash is kept.")
    public record SectorClientSecret(String clientId, String clientSecret, int secretVersion) {
    }

    @Schema(description = "One record a client pushed, as stored (ID number masked).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SectorPushedRecord(String recordId, String status, String reason, String detail, Long professionalId, String idNumber,
            String name, Integer year, String category, BigDecimal hours, String source, LocalDate completedOn, Instant pushedAt) {
    }

    @Schema(description = "A page of a client's records, newest first.")
    public record SectorPushedRecords(String clientId, long total, int offset, int limit, List<SectorPushedRecord> records) {
    }
}
