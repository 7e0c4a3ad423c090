package cn.gd.xueshi.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;

/** Something under review; its state changes only through {@link ReviewService}. */
@Entity
@Table(name = "review_item")
public class ReviewItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    public ReviewKind kind;
    public long subjectId;
    public String title;
    public long ownerAccountId;
    @Enumerated(EnumType.STRING)
    public Level scopeLevel;
    public String scopeCity;
    @Enumerated(EnumType.STRING)
    public Sector scopeSector;
    public Long scopeEmployerId;
    @Enumerated(EnumType.STRING)
    public ReviewState state;
    public Instant createdAt;
    public Instant updatedAt;

    Scope scope() {
        return new Scope(scopeLevel, scopeCity, scopeSector, scopeEmployerId);
    }

    ReviewSubject subject() {
        return new ReviewSubject(kind, ownerAccountId, scope());
    }
}
