package cn.gd.xueshi.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** The key that signs certificates and its certificate chain (the signer's own certificate first). */
public final class CertificateKeys {

    /** The subject of the self-made certificate. */
    public static final String SELF_MADE_SUBJECT = "CN=xueshi 学时 certificate signing";
    static final String SELF_MADE_FILE = "certificate-signing.pem";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    public CertificateKeys(PrivateKey privateKey, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the signing key needs its certificate");
        }
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The signer's certificate, the one a genuine certificate PDF must be signed with. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The JCA name of the signature algorithm for this key: SHA-256 with RSA or ECDSA. */
    String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new IllegalStateException("unsupported signing key: " + privateKey.getAlgorithm());
        };
    }

    /** The key entry {@code alias} (or the only key entry) of a PKCS#12 keystore. */
    public static CertificateKeys fromKeystore(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String entry = alias;
            if (entry == null) {
                List<String> keyEntries = new ArrayList<>();
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        keyEntries.add(a);
                    }
                }
                if (keyEntries.size() != 1) {
                    throw new IllegalStateException("keystore " + keystore + " holds " + keyEntries.size()
                            + " key entries: set xueshi.certificate.key-alias");
                }
                entry = keyEntries.get(0);
            }
            if (!(store.getKey(entry, password) instanceof PrivateKey key)) {
                throw new IllegalStateException("keystore " + keystore + " has no private key under alias " + entry);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(entry)) {
                chain.add((X509Certificate) c);
            }
            return new CertificateKeys(key, chain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read keystore " + keystore, e);
        }
    }

    /**
     * The self-made key kept in {@code dir} (owner-only), made on first use and the same ever after:
     * certificates signed before a restart must still verify.
     */
    public static CertificateKeys selfMade(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            Path file = dir.resolve(SELF_MADE_FILE);
            if (!Files.exists(file)) {
                Path part = Files.createTempFile(dir, SELF_MADE_FILE, ".part",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
                Files.writeString(part, toPem(generate()), StandardCharsets.US_ASCII);
                try {
                    // no REPLACE_EXISTING: when two instances race, the first key written stays
                    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(part);
                }
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the certificate signing key in " + dir, e);
        }
    }

    /** A new RSA-2048 key with a self-signed certificate valid for 30 years. */
    public static CertificateKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name(SELF_MADE_SUBJECT);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365L * 30))), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new CertificateKeys(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a certificate signing key", e);
        }
    }

    static String toPem(CertificateKeys keys) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new PemObject("PRIVATE KEY", keys.privateKey.getEncoded())); // PKCS#8, as the token key
            for (X509Certificate c : keys.chain) {
                pem.writeObject(c);
            }
        }
        return out.toString();
    }

    static CertificateKeys fromPem(String text) throws IOException {
        PrivateKey key = null;
        List<X509Certificate> chain = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    key = new JcaPEMKeyConverter().getPrivateKey(info);
                } else if (o instanceof PEMKeyPair pair) {
                    key = new JcaPEMKeyConverter().getKeyPair(pair).getPrivate();
                } else if (o instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable certificate in the key file", e);
        }
        if (key == null || chain.isEmpty()) {
            throw new IOException("the key file lacks the private key or its certificate");
        }
        return new CertificateKeys(key, chain);
    }
}
