package cn.gd.xueshi.playback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One player watching one lesson. At most one ACTIVE per learner (a partial unique index). */
@Entity
@Table(name = "playback_session")
public class PlaybackSession extends PanacheEntityBase {

    @Id
    public UUID id;
    public Long professionalId;
    public Long lessonId;
    public String status;
    public UUID suspendedBy;
    public Instant startedAt;
    public Instant lastBeatAt;
    public int lastPositionMs;
    public Instant attentionDueAt;
}
