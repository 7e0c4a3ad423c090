package cn.gd.xueshi.hours;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * Converted hours over arbitrary rates, limits and quantities (in tenths): never more than quantity ×
 * rate, never more than the limit, never less than either by a tenth or more, never negative, and
 * always a whole number of tenths, which is what the ledger accepts.
 */
class ConversionProperties {

    @Test
    void convertedHoursAreBoundedByTheRateAndTheLimitAndLoseLessThanATenth() {
        qt().withExamples(5_000).forAll(integers().between(1, 9_999), integers().between(0, 9_999), integers().between(1, 9_999))
                .checkAssert((rateTenths, maxTenths, quantityTenths) -> {
                    BigDecimal rate = BigDecimal.valueOf(rateTenths, 1);
                    BigDecimal max = maxTenths == 0 ? null : BigDecimal.valueOf(maxTenths, 1);
                    BigDecimal quantity = BigDecimal.valueOf(quantityTenths, 1);
                    BigDecimal hours = new Conversion(2026, Activity.PAPER, "篇", rate, max).hoursFor(quantity);
                    BigDecimal exact = quantity.multiply(rate);
                    BigDecimal bound = max == null ? exact : exact.min(max);
                    assertTrue(hours.signum() >= 0, "never negative");
                    assertTrue(hours.compareTo(bound) <= 0, () -> hours + " exceeds " + bound);
                    assertTrue(bound.subtract(hours).compareTo(new BigDecimal("0.1")) < 0, () -> hours + " loses a tenth of " + bound);
                    assertTrue(hours.stripTrailingZeros().scale() <= 1, () -> hours + " is not in tenths");
                });
    }
}
