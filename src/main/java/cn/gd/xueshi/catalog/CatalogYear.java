package cn.gd.xueshi.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "catalog_year")
public class CatalogYear extends PanacheEntityBase {

    @Id
    public Integer year;
    public String title;
}
