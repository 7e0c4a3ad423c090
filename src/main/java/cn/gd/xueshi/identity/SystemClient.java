package cn.gd.xueshi.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A sector system's machine client (role SYSTEM): its id, its sector, and its secret's bcrypt hash and version. */
@Entity
@Table(name = "system_client")
public class SystemClient extends PanacheEntityBase {

    @Id
    public String clientId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    public String secretHash;
    public int secretVersion;
    public boolean enabled;
    public String createdBy;
    public Instant createdAt;
    public Instant secretSetAt;
}
