package cn.gd.xueshi.quiz;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A learner's standing in a course's quiz: the current round and when it was passed. */
@Entity
@Table(name = "course_enrollment")
@IdClass(CourseEnrollment.Key.class)
public class CourseEnrollment extends PanacheEntityBase {

    @Id
    public Long professionalId;
    @Id
    public Long courseId;
    public int round;
    public Instant passedAt;

    public static class Key implements Serializable {
        public Long professionalId;
        public Long courseId;

        public Key() {
        }

        public Key(Long professionalId, Long courseId) {
            this.professionalId = professionalId;
            this.courseId = courseId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.professionalId, professionalId) && Objects.equals(k.courseId, courseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(professionalId, courseId);
        }
    }
}
