package cn.gd.xueshi.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real servers behind the embedded default and the tests: PostgreSQL (zonky's binaries) and an
 * S3 API (S3Proxy over a folder), both keeping their data under one directory, plus the token
 * signing keys. {@link #properties()} are the settings that point the service at them.
 */
public final class EmbeddedServers implements AutoCloseable {

    public static final String S3_IDENTITY = "xueshi";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** What initdb writes with {@code --auth=scram-sha-256}: every client, socket or TCP, gives the password. */
    private static final String PASSWORD_ONLY_HBA = """
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final S3Proxy s3;
    private final BlobStoreContext blobs;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private EmbeddedServers(EmbeddedPostgres postgres, S3Proxy s3, BlobStoreContext blobs) {
        this.postgres = postgres;
        this.s3 = s3;
        this.blobs = blobs;
    }

    /**
     * Starts both servers with their data under {@code dataDir}; a {@code persistent} (run) server's
     * second start finds the data again, a test server starts empty. Either acknowledges a commit
     * only once it is on disk: zonky's builder turns {@code synchronous_commit} off and starts the
     * server with {@code -F} (fsync off; the {@code -c} settings after it win), so an OS crash could
     * lose heartbeats and hours the service had confirmed. In the tests this costs about 3 s.
     */
    public static EmbeddedServers start(Path dataDir, boolean persistent) throws Exception {
        Files.createDirectories(dataDir);
        Path keys = secretsDir(dataDir.resolve("keys"));
        String s3Credential = secret(keys.resolve("object-store-secret"));
        Path databaseSecret = keys.resolve("database-secret");
        String databasePassword = secret(databaseSecret);
        Path pgData = dataDir.resolve("postgres");
        Path hba = pgData.resolve("pg_hba.conf");
        boolean olderTrustingCluster = persistent && Files.exists(hba) && trustsEveryone(hba);
        System.setProperty("ot.epg.working-dir", dataDir.resolve("pg-runtime").toString());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(!persistent)
                .setPort(freePort())
                .setServerConfig("max_connections", "200")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                // zonky runs initdb with "-A trust" and appends these as --auth=… --pwfile=…: without
                // them anyone on the machine could connect as the superuser and read every file the
                // service can, the signing key included
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", databaseSecret.toString())
                .setConnectConfig("password", databasePassword)
                .start();
        if (olderTrustingCluster) {
            requirePassword(pg, hba, databasePassword);
        }

        Path objects = Files.createDirectories(dataDir.resolve("objects"));
        Properties jclouds = new Properties();
        jclouds.setProperty("jclouds.filesystem.basedir", objects.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials(S3_IDENTITY, s3Credential)
                .overrides(jclouds).build(BlobStoreContext.class);
        URI endpoint = URI.create("http://127.0.0.1:" + freePort());
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_IDENTITY, s3Credential)
                .corsRules(browserUploads()).build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }

        EmbeddedServers servers = new EmbeddedServers(pg, proxy, context);
        String jdbc = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
        servers.properties.put("quarkus.datasource.jdbc.url", jdbc);
        servers.properties.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pg.getPort() + "/postgres");
        servers.properties.put("quarkus.datasource.username", "postgres");
        servers.properties.put("quarkus.datasource.password", databasePassword);
        servers.properties.put("xueshi.storage.endpoint", endpoint.toString());
        servers.properties.put("xueshi.storage.access-key", S3_IDENTITY);
        servers.properties.put("xueshi.storage.secret-key", s3Credential);
        servers.properties.putAll(signingKeys(keys));
        return servers;
    }

    /**
     * Lets pages of the service on this machine (any port) send upload parts straight to this
     * store and read the ETag of each; S3Proxy answers the browsers' preflight requests with these
     * rules. (Production MinIO allows every origin unless {@code MINIO_API_CORS_ALLOW_ORIGIN} says
     * otherwise; see the README.)
     */
    static org.gaul.s3proxy.CrossOriginResourceSharing browserUploads() {
        return new org.gaul.s3proxy.CrossOriginResourceSharing(
                List.of("https?://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?"), List.of("GET", "HEAD", "PUT"),
                List.of("content-type", "range"), List.of("ETag"), "false");
    }

    /** Whether an access rule of this {@code pg_hba.conf} lets a client in without a password. */
    static boolean trustsEveryone(Path hba) throws IOException {
        return Files.readAllLines(hba, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .anyMatch(line -> line.matches(".*\\strust"));
    }

    /**
     * A cluster made by an older version admits everyone (initdb "-A trust"): give the superuser
     * this data directory's password, then require it from every client.
     */
    private static void requirePassword(EmbeddedPostgres pg, Path hba, String password) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role postgres password '" + password + "'"); // base64url: nothing to escape
            writeOwnerOnly(hba, PASSWORD_ONLY_HBA);
            s.execute("select pg_reload_conf()");
        }
    }

    /**
     * The folder of this data directory's secrets, readable by its owner alone (also when an older
     * version made it readable by everyone): whoever reads the signing key can sign in as anyone.
     */
    static Path secretsDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(f, OWNER_ONLY_FILE);
            }
        }
        return dir;
    }

    /** A random secret kept in {@code file} (owner-only), made on first use and the same ever after. */
    static String secret(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            writeOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(part);
        Files.createFile(part, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(part, text, StandardCharsets.US_ASCII);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** RS256 signing keys, made once and kept with the data (production configures its own); the settings naming them. */
    static Map<String, String> signingKeys(Path dir) throws IOException, NoSuchAlgorithmException {
        Path priv = dir.resolve("private-key.pem");
        Path pub = dir.resolve("public-key.pem");
        if (!Files.exists(priv) || !Files.exists(pub)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeOwnerOnly(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            writeOwnerOnly(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        return Map.of("smallrye.jwt.sign.key.location", priv.toUri().toString(),
                "mp.jwt.verify.publickey.location", pub.toUri().toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    public Map<String, String> properties() {
        return properties;
    }

    public String jdbcUrl() {
        return properties.get("quarkus.datasource.jdbc.url");
    }

    public String s3Endpoint() {
        return properties.get("xueshi.storage.endpoint");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        s3.stop();
        blobs.close();
        postgres.close();
    }
}
