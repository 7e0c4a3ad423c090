package cn.gd.xueshi.hours;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Hours a source asks the ledger to credit: who, which year and category, how many, and the
 * source's own reference, on which crediting is idempotent (with the professional).
 */
public record Credit(long professionalId, int year, Category category, BigDecimal hours, Source source, String sourceRef,
        String title, String recordedBy, Instant at) {
}
