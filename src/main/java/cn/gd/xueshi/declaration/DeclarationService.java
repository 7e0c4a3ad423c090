package cn.gd.xueshi.declaration;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.hours.Category;

/** Declarations of hours earned elsewhere (being written). */
@ApplicationScoped
public class DeclarationService {

    /** Hours declared and awaiting confirmation, per professional and category, in a year. */
    public Uni<Map<Long, Map<Category, BigDecimal>>> pendingHours(Collection<Long> professionalIds, int year) {
        return Uni.createFrom().item(Map.of());
    }
}
