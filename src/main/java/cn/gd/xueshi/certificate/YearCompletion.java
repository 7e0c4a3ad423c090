package cn.gd.xueshi.certificate;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A professional's year put forward for confirmation; its review item (YEAR_CONFIRMATION) holds the state. */
@Entity
@Table(name = "year_completion")
public class YearCompletion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long professionalId;
    public int year;
    public Long employerId;
    public Instant createdAt;
}
