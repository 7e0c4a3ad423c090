package cn.gd.xueshi.catalog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.shared.ProblemException;

/**
 * The provincial HR department publishes each year's catalog frame: the year and its public
 * subjects with their learning guides; editors then write courses into the subjects.
 */
@ApplicationScoped
public class CatalogAdmin {

    public record YearRow(int year, String title, List<SubjectRow> subjects) {
    }

    public record SubjectRow(long id, String code, String title, String guideMarkdown, int position) {
    }

    /** The one scope rule of this feature: the catalog frame is the provincial HR department's. */
    static void requireProvince(Scope scope) {
        if (scope.level() != Level.PROVINCE) {
            throw ProblemException.forbidden("not-province", "年度目录和科目由省人力资源社会保障部门设置。");
        }
    }

    public Uni<List<YearRow>> years() {
        return Panache.withSession(() -> CatalogYear.<CatalogYear>list("order by year desc").flatMap(years -> Subject
                .<Subject>list("order by year, position").map(subjects -> years.stream().map(y -> new YearRow(y.year, y.title,
                        subjects.stream().filter(s -> s.year == y.year).map(s -> new SubjectRow(s.id, s.code, s.title, s.guideMarkdown,
                                s.position)).toList())).toList())));
    }

    public Uni<YearRow> createYear(Scope scope, int year, String title) {
        requireProvince(scope);
        return Panache.withTransaction(() -> CatalogYear.<CatalogYear>findById(year).flatMap(found -> {
            if (found != null) {
                throw ProblemException.conflict("year-exists", year + " 年度已存在。");
            }
            CatalogYear y = new CatalogYear();
            y.year = year;
            y.title = title.strip();
            return y.persist().chain(() -> CatalogChanges.announce(-year)).replaceWith(new YearRow(year, y.title, List.of()));
        }));
    }

    public Uni<SubjectRow> createSubject(Scope scope, int year, String code, String title, String guideMarkdown) {
        requireProvince(scope);
        return Panache.withTransaction(() -> CatalogYear.<CatalogYear>findById(year).flatMap(y -> {
            if (y == null) {
                throw ProblemException.notFound(year + " 年度不存在，请先创建年度。");
            }
            return Subject.count("year = ?1 and code = ?2", year, code);
        }).flatMap(n -> {
            if (n > 0) {
                throw ProblemException.conflict("subject-exists", year + " 年度已有代码为“" + code + "”的科目。");
            }
            return Subject.count("year", year);
        }).flatMap(count -> {
            Subject s = new Subject();
            s.year = year;
            s.code = code;
            s.title = title.strip();
            s.guideMarkdown = guideMarkdown == null ? "" : guideMarkdown;
            s.contentHash = ContentReader.sha256(s.title + "\n" + s.guideMarkdown);
            s.version = 1;
            s.position = (int) (long) count;
            return s.<Subject>persist().call(() -> CatalogChanges.announce(-year))
                    .map(saved -> new SubjectRow(saved.id, saved.code, saved.title, saved.guideMarkdown, saved.position));
        }));
    }
}
