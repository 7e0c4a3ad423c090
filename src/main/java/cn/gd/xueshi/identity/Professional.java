package cn.gd.xueshi.identity;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "professional")
public class Professional extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String idNumber;
    public LocalDate birthDate;
    public Long employerId;
    public String titleLevel;
    public String sector;
    public String cityCode;
    public Instant createdAt = Instant.now();
}
