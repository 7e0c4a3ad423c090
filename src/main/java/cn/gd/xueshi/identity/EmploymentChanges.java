package cn.gd.xueshi.identity;

import io.smallrye.mutiny.Uni;

/**
 * Told, inside the transaction that moves a professional to another unit, so that what is still
 * open with the old unit (a declaration awaiting confirmation) moves with them. Decided records
 * stay where they were decided.
 */
public interface EmploymentChanges {

    Uni<Void> moved(long professionalId, Long fromEmployerId, long toEmployerId);
}
