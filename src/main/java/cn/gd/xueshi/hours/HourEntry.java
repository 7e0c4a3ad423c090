package cn.gd.xueshi.hours;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One line of the append-only hour ledger. Never updated or deleted (a database trigger refuses
 * it); a correction is a REVERSAL entry with negative hours pointing at the entry it cancels.
 */
@Entity
@Immutable
@Table(name = "hour_entry")
public class HourEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long professionalId;
    public int year;
    public String category;
    public String source;
    public String sourceRef;
    public String kind;
    public String status;
    public BigDecimal hours;
    public Long reversesId;
    public String title;
    public String reason;
    public String recordedBy;
    public Instant recordedAt;
}
