package cn.gd.xueshi.classplan;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A professional's seat in a class, and the attendance and assessment the organiser recorded. */
@Entity
@Table(name = "class_enrolment")
public class Enrolment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long planId;
    public long professionalId;
    public Instant enrolledAt;
    public Boolean attended;
    public Boolean passed;
    public Instant assessedAt;
    public String assessedBy;
}
