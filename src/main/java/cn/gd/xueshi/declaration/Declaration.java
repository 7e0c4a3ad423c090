package cn.gd.xueshi.declaration;

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

import cn.gd.xueshi.hours.Activity;
import cn.gd.xueshi.hours.Category;

/** Hours a professional earned elsewhere, declared to the unit that confirms them; its review state is the review item's. */
@Entity
@Table(name = "declaration")
public class Declaration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long professionalId;
    public long accountId;
    public long employerId;
    public int year;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public Activity activity;
    public String title;
    public String organiser;
    public LocalDate startedOn;
    public LocalDate endedOn;
    public BigDecimal quantity;
    public BigDecimal hoursPerUnit;
    public BigDecimal hours;
    public Instant createdAt;
    public Instant updatedAt;
}
