package cn.gd.xueshi.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a certificate says. sealPng is null when the unit's seal is not applied. */
public record CertificateContent(String number, String name, String maskedIdNumber, String employer, int year,
        BigDecimal publicHours, BigDecimal professionalHours, BigDecimal electiveHours,
        BigDecimal totalHours, String basis, LocalDate issuedOn, String verifyUrl, byte[] sealPng) {
}
