package cn.gd.xueshi.certificate;

/** What a certificate says. sealPng is null when the unit's seal is not applied. */
public record CertificateContent(String number, String name, String maskedIdNumber, String employer, int year,
        java.math.BigDecimal publicHours, java.math.BigDecimal professionalHours, java.math.BigDecimal electiveHours,
        java.math.BigDecimal totalHours, String basis, java.time.LocalDate issuedOn, String verifyUrl, byte[] sealPng) {
}
