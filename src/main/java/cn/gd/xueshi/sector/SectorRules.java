package cn.gd.xueshi.sector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.hours.LedgerRules;
import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.identity.Sector;

/**
 * What a sector system may push, one record at a time: a usable record id, a valid ID number, a
 * professional or elective category (public subjects are the platform's own online courses and
 * reach the ledger only from there), possible hours (more than 0, tenths at most, at most the
 * configured maximum for one record), a completion date in the record's year and not after today,
 * and a person of the client's own sector under the same name. Each refusal has a stable code and
 * a reason in Chinese.
 */
public final class SectorRules {

    /** Record ids: what sector systems use as keys (UUIDs, numbers, codes), short enough for the ledger's reference. */
    static final int MAX_RECORD_ID = 50;
    static final int MAX_NAME = 100;
    static final int MAX_SOURCE = 200;
    static final Set<Category> PUSHABLE = Set.of(Category.PROFESSIONAL, Category.ELECTIVE);
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9._:/-]+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SectorRules() {
    }

    /** Why a record is refused: a stable code and a reason a person can act on. */
    public record Refusal(String code, String detail) {
    }

    /** A record as the sector system sent it. */
    public record Pushed(String recordId, String idNumber, String name, Integer year, String category, BigDecimal hours,
            String source, String completedOn) {
    }

    /** A record whose own fields are right: what the person check and the ledger need. */
    public record Checked(String recordId, IdNumber idNumber, String name, int year, Category category, BigDecimal hours,
            String source, LocalDate completedOn) {
    }

    /** Either the checked record or why it is refused. */
    public record Outcome(Checked checked, Refusal refusal) {
    }

    public static boolean usableRecordId(String recordId) {
        return recordId != null && recordId.length() <= MAX_RECORD_ID && RECORD_ID.matcher(recordId).matches();
    }

    /** Checks a record's own fields on {@code today}, with at most {@code maxHours} for one record. */
    public static Outcome check(Pushed r, LocalDate today, BigDecimal maxHours) {
        if (!usableRecordId(r.recordId())) {
            return refused("bad-record-id", "记录编号须为 1–" + MAX_RECORD_ID + " 个字母、数字或 . _ : / - 字符。");
        }
        IdNumber.Result id = IdNumber.parse(r.idNumber(), today);
        if (id.refusal() != null) {
            return refused("bad-id-number", "身份证号无效：" + id.refusal());
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > MAX_NAME) {
            return refused("bad-name", "姓名不能为空，且不超过 " + MAX_NAME + " 个字符。");
        }
        Category category = category(r.category());
        if (category == null) {
            return refused("bad-category", "类别须为 PROFESSIONAL（专业科目）或 ELECTIVE（个人选修科目）；公需科目学时只由本平台在线学习登记，不接受推送。");
        }
        if (r.year() == null) {
            return refused("bad-year", "缺少年度。");
        }
        LocalDate completedOn = date(r.completedOn());
        if (completedOn == null) {
            return refused("bad-date", "完成日期缺失或格式不正确，应为 YYYY-MM-DD。");
        }
        if (completedOn.isAfter(today)) {
            return refused("future-date", "完成日期 " + completedOn + " 晚于今天，不能登记。");
        }
        if (completedOn.getYear() != r.year()) {
            return refused("date-outside-year", "完成日期 " + completedOn + " 不在所报年度 " + r.year() + " 年内。");
        }
        BigDecimal hours = r.hours();
        if (hours == null || hours.signum() <= 0 || hours.compareTo(maxHours) > 0 || hours.stripTrailingZeros().scale() > 1) {
            return refused("impossible-hours", "学时须大于 0、不超过 " + maxHours.toPlainString() + "（单条记录上限），最多一位小数。");
        }
        if (r.source() == null || r.source().isBlank() || r.source().length() > MAX_SOURCE) {
            return refused("bad-source", "来源（培训项目名称）不能为空，且不超过 " + MAX_SOURCE + " 个字符。");
        }
        return new Outcome(new Checked(r.recordId(), id.id().orElseThrow(), r.name().strip(), r.year(), category, hours,
                r.source().strip(), completedOn), null);
    }

    /**
     * Whether the person may be credited by a client of {@code clientSector}: null when so; the
     * holder's name and sector are null when nobody holds the ID number.
     */
    public static Refusal person(Checked r, String holderName, Sector holderSector, Sector clientSector) {
        if (holderName == null) {
            return new Refusal("unknown-person", "平台中没有身份证号为 " + r.idNumber().masked() + " 的专业技术人员，请先由其单位登记。");
        }
        if (holderSector != clientSector) {
            return new Refusal("other-sector", "此人不属于" + clientSector.label + "行业，本系统不能为其推送学时。");
        }
        if (!holderName.strip().equals(r.name())) {
            return new Refusal("name-mismatch", "姓名与平台登记的不一致，请核对姓名和身份证号。");
        }
        return null;
    }

    /** The ledger's own refusal of a record's credit (the year is closed, has no rules…), under the ledger's code. */
    public static Refusal fromLedger(LedgerRules.Refusal refusal) {
        return new Refusal(refusal.type(), refusal.detail());
    }

    /** The record's reference in the ledger: the client's sector and id, and its record id. */
    public static String sourceRef(Sector sector, String clientId, String recordId) {
        return "push:" + sector.name() + ":" + clientId + ":" + recordId;
    }

    /** A later record of a batch under a record id already in it: a duplicate when identical, refused otherwise. */
    public static Refusal repeated(Pushed first, Pushed again) {
        return first.equals(again) ? null : new Refusal("duplicate-in-batch", "同一批次中记录编号重复且内容不同，只处理了第一条。");
    }

    private static Category category(String text) {
        for (Category c : PUSHABLE) {
            if (c.name().equals(text)) {
                return c;
            }
        }
        return null;
    }

    private static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Outcome refused(String code, String detail) {
        return new Outcome(null, new Refusal(code, detail));
    }
}
