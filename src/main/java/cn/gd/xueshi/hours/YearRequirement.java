package cn.gd.xueshi.hours;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The yearly requirement, one row a year (configuration kept as data; see V1 migration). */
@Entity
@Table(name = "year_requirement")
public class YearRequirement extends PanacheEntityBase {

    @Id
    public Integer year;
    public BigDecimal publicHours;
    public BigDecimal professionalHours;
    public BigDecimal electiveHours;
    public BigDecimal totalHours;
    public LocalDate confirmUntil;
}
