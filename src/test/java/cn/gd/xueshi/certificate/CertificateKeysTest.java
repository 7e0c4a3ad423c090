package cn.gd.xueshi.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateKeysTest {

    @TempDir
    Path temp;

    @Test
    void theSelfMadeKeyIsMadeOnceKeptOwnerOnlyAndTheSameAfterARestart() throws Exception {
        Path dir = temp.resolve("data/keys");
        CertificateKeys first = CertificateKeys.selfMade(dir);
        CertificateKeys again = CertificateKeys.selfMade(dir);
        assertArrayEquals(first.certificate().getEncoded(), again.certificate().getEncoded());
        assertArrayEquals(first.privateKey().getEncoded(), again.privateKey().getEncoded());
        Path file = dir.resolve(CertificateKeys.SELF_MADE_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no part file left behind");
        }
        assertEquals("CN=xueshi 学时 certificate signing", first.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void certificatesSignedWithTheKeptKeyVerifyAfterARestart() {
        Path dir = temp.resolve("keys");
        byte[] pdf = new CertificatePdf(CertificateKeys.selfMade(dir), CertificateSamples.CLOCK).render(CertificateSamples.content());
        assertTrue(new CertificateVerifier(CertificateKeys.selfMade(dir)).verify(pdf).genuine());
    }

    @Test
    void aConfiguredKeystoreGivesItsKeyAndChain() throws Exception {
        CertificateKeys made = CertificateKeys.generate();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", made.privateKey(), "s3cret".toCharArray(), new Certificate[] { made.certificate() });
        Path file = temp.resolve("signing.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "s3cret".toCharArray());
        }
        CertificateKeys byAlias = CertificateKeys.fromKeystore(file, "s3cret".toCharArray(), "signer");
        CertificateKeys onlyEntry = CertificateKeys.fromKeystore(file, "s3cret".toCharArray(), null);
        assertArrayEquals(made.certificate().getEncoded(), byAlias.certificate().getEncoded());
        assertArrayEquals(made.privateKey().getEncoded(), onlyEntry.privateKey().getEncoded());
        byte[] pdf = new CertificatePdf(byAlias, CertificateSamples.CLOCK).render(CertificateSamples.content());
        assertTrue(new CertificateVerifier(made).verify(pdf).genuine());
    }
}
