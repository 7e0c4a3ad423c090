package cn.gd.xueshi.certificate;

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

/** An issued certificate: what it says, where its signed PDF is, and whether it is still in force. */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    public enum State {
        VALID, SUPERSEDED, REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String number;
    public long completionId;
    public long professionalId;
    public int year;
    public int version;
    @Enumerated(EnumType.STRING)
    public State state;
    public String name;
    public String idNumberMasked;
    public String employerName;
    public BigDecimal publicHours;
    public BigDecimal professionalHours;
    public BigDecimal electiveHours;
    public BigDecimal totalHours;
    public LocalDate issuedOn;
    public Instant issuedAt;
    public String pdfKey;
    public String pdfSha256;
    public Integer pdfBytes;
    public String sealedPdfKey;
    public String sealedPdfSha256;
    public Instant sealedAt;
    public Instant revokedAt;
    public String revokedBy;
    public String revokedReason;
}
