package cn.gd.xueshi.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.gd.xueshi.identity.Sector;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One version of a course. Changed content is imported as a new version; the old one is marked
 * superseded and keeps the progress and hours earned on it.
 */
@Entity
@Table(name = "course")
public class Course extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long subjectId;
    public String code;
    public int version;
    public String title;
    public BigDecimal hours;
    public String contentHash;
    public int position;
    public Instant supersededAt;
    /** A shipped demonstration course (see {@link CourseIntegrity}); pages say so. */
    public boolean demo;
    public Instant createdAt = Instant.now();
    @Enumerated(EnumType.STRING)
    public CourseCategory category = CourseCategory.PUBLIC;
    /** The sector of remote professional courseware; null for a public course. */
    @Enumerated(EnumType.STRING)
    public Sector sector;
    public String description = "";
    public String guideMarkdown = "";
    public String coverKey;
    /** The editor who wrote this version; null for shipped content. */
    public Long ownerAccountId;
    /** Quiz settings of this course; null means the configured default. */
    public Integer questionsPerAttempt;
    public Integer passMark;
    /** When this version went online; null while it is a draft. A published version never changes. */
    public Instant publishedAt;
}
