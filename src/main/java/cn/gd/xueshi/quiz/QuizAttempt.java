package cn.gd.xueshi.quiz;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long professionalId;
    public Long courseId;
    public int round;
    public int attemptNo;
    public String answers;
    public int score;
    public boolean passed;
    public Instant createdAt;
}
