package cn.gd.xueshi.certificate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.gd.xueshi.hours.YearRecord;
import cn.gd.xueshi.identity.Sector;

/**
 * A year's completion, pure: what is still missing per category (no category stands in for
 * another, nothing carries over from another year), the next steps a professional should take,
 * and who confirms their year.
 */
public final class CompletionRules {

    private CompletionRules() {
    }

    /** What is missing, per category and in total, in Chinese; empty when the year's requirement is met. */
    public static List<String> shortfall(YearRecord r) {
        List<String> out = new ArrayList<>();
        missing(out, "公需科目", r.requirement().publicHours(), r.earned().publicHours());
        missing(out, "专业科目", r.requirement().professional(), r.earned().professional());
        missing(out, "选修", r.requirement().elective(), r.earned().elective());
        if (out.isEmpty()) {
            missing(out, "合计", r.requirement().total(), r.earned().total());
        }
        return out;
    }

    private static void missing(List<String> out, String category, BigDecimal required, BigDecimal earned) {
        BigDecimal gap = required.subtract(earned);
        if (gap.signum() > 0) {
            out.add(category + "还差 " + gap.stripTrailingZeros().toPlainString() + " 学时");
        }
    }

    /**
     * The professional's next steps: what to study or declare per missing category, what waits for
     * someone else, and the confirmation once everything is there.
     */
    public static List<String> nextSteps(YearRecord r, int unfinishedPublicCourses, int pendingDeclarations, boolean confirmed,
            Sector sector) {
        List<String> out = new ArrayList<>();
        if (confirmed) {
            out.add(r.year() + " 年度学时已确认，可下载电子证书");
            return out;
        }
        if (gap(r.requirement().publicHours(), r.earned().publicHours())) {
            out.add(unfinishedPublicCourses > 0 ? unfinishedPublicCourses + " 门公需课程未完成" : "公需科目学时不足，请学习本年度公需课程");
        }
        if (pendingDeclarations > 0) {
            out.add(pendingDeclarations + " 项申报待" + (confirmsBySector(sector) ? "行业主管部门" : "单位") + "确认");
        }
        if (gap(r.requirement().professional(), r.earned().professional())) {
            out.add("专业科目还差 " + r.requirement().professional().subtract(r.earned().professional()).stripTrailingZeros().toPlainString()
                    + " 学时：参加培训班或申报专业科目学时");
        }
        if (gap(r.requirement().elective(), r.earned().elective())) {
            out.add("选修还差 " + r.requirement().elective().subtract(r.earned().elective()).stripTrailingZeros().toPlainString()
                    + " 学时：申报个人选修学时");
        }
        if (r.complete()) {
            out.add("学时已达到年度要求，等待" + (confirmsBySector(sector) ? "行业主管部门" : "单位") + "确认后签发电子证书");
        }
        return out;
    }

    private static boolean gap(BigDecimal required, BigDecimal earned) {
        return earned.compareTo(required) < 0;
    }

    /**
     * Whether an actor may put a professional's year forward ({@code where}: the professional's
     * scope): an administrator of their unit, the authority of their sector whose region covers
     * them, their sector's own system, or an HR department whose region covers them (for year-end
     * batches; the review policy still decides who may confirm).
     */
    public static boolean mayConfirm(cn.gd.xueshi.review.Actor actor, cn.gd.xueshi.identity.Scope where) {
        var s = actor.scope();
        return actor.is(cn.gd.xueshi.identity.Role.EMPLOYER_ADMIN) && s.employerId() != null && s.employerId().equals(where.employerId())
                || actor.is(cn.gd.xueshi.identity.Role.AUTHORITY_REVIEWER) && s.sector() == where.sector()
                        && s.regionCovers(where)
                || actor.is(cn.gd.xueshi.identity.Role.SYSTEM) && s.sector() != null && s.sector() == where.sector()
                || actor.is(cn.gd.xueshi.identity.Role.HR_ADMIN) && s.regionCovers(where);
    }

    /** A name as the public verification shows it: the first and last characters, the rest hidden (陈*习, 陈*). */
    public static String maskName(String name) {
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length <= 1) {
            return name.strip();
        }
        StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
        out.append("*".repeat(Math.max(1, cps.length - 2)));
        if (cps.length > 2) {
            out.appendCodePoint(cps[cps.length - 1]);
        }
        return out.toString();
    }

    /** Education and health professionals have their year confirmed by their sector's authority, not their employer. */
    public static boolean confirmsBySector(Sector sector) {
        return sector == Sector.EDUCATION || sector == Sector.HEALTH;
    }
}
