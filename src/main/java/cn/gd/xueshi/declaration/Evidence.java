package cn.gd.xueshi.declaration;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One evidence file of a declaration, in the object store; a replaced file is withdrawn, not deleted. */
@Entity
@Table(name = "declaration_evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long declarationId;
    public String objectKey;
    public String fileName;
    public String contentType;
    public int sizeBytes;
    public Instant uploadedAt;
    public Instant withdrawnAt;
}
