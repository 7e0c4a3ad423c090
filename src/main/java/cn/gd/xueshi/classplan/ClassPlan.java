package cn.gd.xueshi.classplan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;

/** A class or seminar plan; its review state is the review item's, its filing is {@link #filedAt}. */
@Entity
@Table(name = "class_plan")
public class ClassPlan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    public ClassKind kind;
    public String title;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    @Enumerated(EnumType.STRING)
    public Level level;
    public String cityCode;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public String place;
    public BigDecimal hours;
    public int capacity;
    public String organiser;
    public long organiserAccountId;
    @Enumerated(EnumType.STRING)
    public Role organiserRole;
    public Long organiserEmployerId;
    public LocalDate filedOn;
    public Instant filedAt;
    public Instant createdAt;
    public Instant updatedAt;

    /** Where the plan belongs: its level, city and sector, and the organising unit if an employer runs it. */
    Scope scope() {
        return new Scope(level, cityCode, sector, organiserEmployerId);
    }

    ClassRules.Offer offer() {
        return new ClassRules.Offer(kind, sector, level, cityCode, startsOn, capacity);
    }

    void fill(ClassRules.PlanForm f) {
        kind = f.kind();
        title = f.title().strip();
        sector = f.sector();
        level = f.level();
        cityCode = f.cityCode();
        startsOn = f.startsOn();
        endsOn = f.endsOn();
        place = f.place().strip();
        hours = f.hours();
        capacity = f.capacity();
    }
}
