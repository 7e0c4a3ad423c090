package cn.gd.xueshi.hours;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * Told, inside the revoking transaction, that HR revoked hours of a professional's year: the
 * features that built something on that year's hours (a certificate) react. The ledger knows
 * nothing of them.
 */
public interface HoursRevoked {

    Uni<Void> revoked(long professionalId, int year, String reason, String by, Instant at);
}
