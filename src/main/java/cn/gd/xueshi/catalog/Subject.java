package cn.gd.xueshi.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A public subject (公需科目专题) of one year, with its learning guide (学习指南) in Markdown. */
@Entity
@Table(name = "subject")
public class Subject extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public int year;
    public String code;
    public String title;
    public String guideMarkdown;
    public String contentHash;
    public int version;
    public int position;
}
