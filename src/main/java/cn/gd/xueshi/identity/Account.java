package cn.gd.xueshi.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String username;
    public String passwordHash;
    public String displayName;
    public String roles;
    public Long professionalId;
    public Long employerId;
    /** Where an HR department's or an industry authority's account acts; null for everyone else. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Level scopeLevel;
    public String scopeCity;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Sector scopeSector;

    public Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public static Uni<Account> byUsername(String username) {
        return find("username", username).firstResult();
    }
}
