package cn.gd.xueshi.playback;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What a learner has watched of one lesson, and where to resume. */
@Entity
@Table(name = "lesson_progress")
@IdClass(LessonProgress.Key.class)
public class LessonProgress extends PanacheEntityBase {

    @Id
    public Long professionalId;
    @Id
    public Long lessonId;
    public String watched;
    public int watchedMs;
    public int positionMs;
    public Instant completedAt;
    public Instant updatedAt;

    public static class Key implements Serializable {
        public Long professionalId;
        public Long lessonId;

        public Key() {
        }

        public Key(Long professionalId, Long lessonId) {
            this.professionalId = professionalId;
            this.lessonId = lessonId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.professionalId, professionalId) && Objects.equals(k.lessonId, lessonId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(professionalId, lessonId);
        }
    }
}
