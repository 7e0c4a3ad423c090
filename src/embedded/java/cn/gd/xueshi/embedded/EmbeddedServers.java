package cn.gd.xueshi.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

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
    public static final String S3_CREDENTIAL = "xueshi-embedded-secret";

    private final EmbeddedPostgres postgres;
    private final S3Proxy s3;
    private final BlobStoreContext blobs;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private EmbeddedServers(EmbeddedPostgres postgres, S3Proxy s3, BlobStoreContext blobs) {
        this.postgres = postgres;
        this.s3 = s3;
        this.blobs = blobs;
    }

    /** Starts both servers with their data under {@code dataDir}; a second start finds the data again. */
    public static EmbeddedServers start(Path dataDir, boolean persistent) throws Exception {
        Files.createDirectories(dataDir);
        System.setProperty("ot.epg.working-dir", dataDir.resolve("pg-runtime").toString());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(!persistent)
                .setPort(freePort())
                .setServerConfig("max_connections", "200")
                .start();

        Path objects = Files.createDirectories(dataDir.resolve("objects"));
        Properties jclouds = new Properties();
        jclouds.setProperty("jclouds.filesystem.basedir", objects.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials(S3_IDENTITY, S3_CREDENTIAL)
                .overrides(jclouds).build(BlobStoreContext.class);
        URI endpoint = URI.create("http://127.0.0.1:" + freePort());
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_IDENTITY, S3_CREDENTIAL).build();
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
        servers.properties.put("quarkus.datasource.password", "postgres");
        servers.properties.put("xueshi.storage.endpoint", endpoint.toString());
        servers.properties.put("xueshi.storage.access-key", S3_IDENTITY);
        servers.properties.put("xueshi.storage.secret-key", S3_CREDENTIAL);
        servers.keys(dataDir.resolve("keys"));
        return servers;
    }

    /** RS256 signing keys, made once and kept with the data (production configures its own). */
    private void keys(Path dir) throws IOException, NoSuchAlgorithmException {
        Path priv = dir.resolve("private-key.pem");
        Path pub = dir.resolve("public-key.pem");
        if (!Files.exists(priv) || !Files.exists(pub)) {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        }
        properties.put("smallrye.jwt.sign.key.location", priv.toUri().toString());
        properties.put("mp.jwt.verify.publickey.location", pub.toUri().toString());
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
