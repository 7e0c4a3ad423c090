package cn.gd.xueshi.hours;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.shared.ProblemException;

/** The append-only hour ledger: automatic registration, revocation, and the yearly record. */
@ApplicationScoped
public class HourLedger {

    private final Clock clock;

    public HourLedger(Clock clock) {
        this.clock = clock;
    }

    /**
     * The registration as one statement: credit the course's hours when every lesson is complete
     * and the quiz is passed, in the year of completion and only if the course is in that year's
     * catalog. Exactly once: the unique index {@code hour_entry_once} turns a racing second insert
     * into a no-op. Parameters: learner, course, year, time; {@code param} renders the n-th one
     * for the client that runs it ({@code :pN} for Hibernate, {@code $N} for the Vert.x client).
     */
    public static String registrationSql(java.util.function.IntFunction<String> param) {
        String pid = param.apply(1);
        String cid = param.apply(2);
        return """
                insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title,
                                        recorded_by, recorded_at)
                select %1$s, s.year, c.category, 'ONLINE_COURSE', 'course:' || s.year || ':' || c.code, 'CREDIT', 'CONFIRMED',
                       c.hours, c.title, 'system', %4$s
                  from course c join subject s on s.id = c.subject_id
                 where c.id = %2$s and s.year = %3$s
                   and not exists (select 1 from lesson l
                                     left join lesson_progress p on p.lesson_id = l.id and p.professional_id = %1$s
                                    where l.course_id = c.id and p.completed_at is null)
                   and exists (select 1 from course_enrollment e
                                where e.professional_id = %1$s and e.course_id = c.id and e.passed_at is not null)
                on conflict (professional_id, source, source_ref) where kind = 'CREDIT' do nothing
                returning hours""".formatted(pid, cid, param.apply(3), param.apply(4));
    }

    /** HR administrators revoke an entry with a reason: a REVERSAL entry, never an edit. */
    @WithTransaction
    public Uni<HourEntry> revoke(long entryId, String reason, String by) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.unprocessable("reason-required", "撤销学时必须填写原因（500 字以内）。");
        }
        return HourEntry.<HourEntry>findById(entryId).flatMap(entry -> {
            if (entry == null) {
                throw ProblemException.notFound("学时记录不存在（编号 " + entryId + "）。");
            }
            if (!"CREDIT".equals(entry.kind)) {
                throw ProblemException.conflict("not-a-credit", "只能撤销登记记录，不能撤销撤销记录。");
            }
            return HourEntry.count("reversesId", entryId).flatMap(n -> {
                if (n > 0) {
                    throw ProblemException.conflict("already-revoked", "该学时记录已被撤销。");
                }
                HourEntry reversal = new HourEntry();
                reversal.professionalId = entry.professionalId;
                reversal.year = entry.year;
                reversal.category = entry.category;
                reversal.source = entry.source;
                reversal.sourceRef = entry.sourceRef;
                reversal.kind = "REVERSAL";
                reversal.status = entry.status;
                reversal.hours = entry.hours.negate();
                reversal.reversesId = entry.id;
                reversal.title = entry.title;
                reversal.reason = reason.trim();
                reversal.recordedBy = by;
                reversal.recordedAt = clock.instant();
                return reversal.<HourEntry>persist();
            });
        });
    }

    public record Statement(YearRecord record, List<HourEntry> entries) {
    }

    @WithSession
    public Uni<Statement> statement(long professionalId, int year) {
        return YearRequirement.<YearRequirement>find("year <= ?1 order by year desc", year).firstResult()
                .flatMap(req -> {
                    if (req == null) {
                        throw ProblemException.notFound(year + " 年度没有学时要求配置。");
                    }
                    YearRecord.Hours requirement = new YearRecord.Hours(req.publicHours, req.professionalHours,
                            req.electiveHours, req.totalHours);
                    return HourEntry.<HourEntry>list("professionalId = ?1 and year = ?2 order by id", professionalId, year)
                            .map(entries -> new Statement(YearRecord.of(year, requirement, entries.stream()
                                    .map(e -> new YearRecord.Line(e.category, e.status, e.hours)).toList()), entries));
                });
    }
}
