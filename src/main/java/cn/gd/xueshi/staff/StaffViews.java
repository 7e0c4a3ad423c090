package cn.gd.xueshi.staff;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.identity.StaffOutcome;
import cn.gd.xueshi.identity.TitleLevel;

/** What the staff API and pages show. */
public final class StaffViews {

    private StaffViews() {
    }

    /** One row of an import, or the one person added: what happened and why not, if it did not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowOutcome(int row, StaffOutcome outcome, Long professionalId, String reason) {
    }

    /** The per-row report of an import; the counts add up to the rows read (the header and blank rows not counted). */
    public record StaffImportReport(int created, int linked, int moved, int unchanged, int refused, List<RowOutcome> rows) {
    }

    public record Member(long professionalId, String name, String maskedIdNumber, Sector sector, String sectorLabel,
            TitleLevel titleLevel, String titleLabel, String cityCode, LocalDate since,
            Map<StaffStanding.Line, StaffStanding.Hours> standing) {
    }

    public record Standing(long employerId, int year, long total, int offset, int limit, List<Member> staff) {
    }
}
