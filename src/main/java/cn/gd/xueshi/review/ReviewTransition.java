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

import cn.gd.xueshi.identity.Role;

/** One recorded step of an item: who, in which role, when, from which state to which, and why. Append-only. */
@Entity
@Table(name = "review_transition")
public class ReviewTransition extends PanacheEntityBase {


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long itemId;
    @Enumerated(EnumType.STRING)
    public ReviewState fromState;
    @Enumerated(EnumType.STRING)
    public ReviewState toState;
    @Enumerated(EnumType.STRING)
    public ReviewStep action;
    public long actorAccountId;
    public String actorName;
    @Enumerated(EnumType.STRING)
    public Role actorRole;
    public String reason;
    public Instant at;
}
