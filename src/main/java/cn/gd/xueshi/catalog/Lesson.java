package cn.gd.xueshi.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "lesson")
public class Lesson extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long courseId;
    public int position;
    public String title;
    public Integer durationMs;
    public String objectKey;
    public String contentType;
    public Long sizeBytes;
    /** WebVTT captions shown as a track in the player; null when there are none. */
    public String captionKey;
}
