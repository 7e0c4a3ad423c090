package cn.gd.xueshi.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL admits only a client with its data directory's password: a superuser
 * connection reads any file the service can (the signing key too), so "anyone on the machine"
 * must not get one.
 */
class EmbeddedDatabaseAccessTest {

    private static final String INVALID_PASSWORD = "28P01";

    @TempDir
    Path tmp;

    @Test
    void theDatabaseRefusesAClientWithoutThisDirectorysPassword() throws Exception {
        Path data = tmp.resolve("data");
        try (EmbeddedServers servers = EmbeddedServers.start(data, true)) {
            assertEquals(INVALID_PASSWORD, refusal(servers.jdbcUrl(), "postgres"), "the password once published in the source");
            assertEquals(INVALID_PASSWORD, refusal(servers.jdbcUrl(), "guess"));
            String password = servers.properties().get("quarkus.datasource.password");
            assertEquals(Files.readString(data.resolve("keys").resolve("database-secret")), password);
            assertEquals("postgres", currentUser(servers.jdbcUrl(), password));
            assertFalse(trusting(data), "no access rule without a password");
        }
    }

    @Test
    void aClusterAnOlderVersionMadeStopsTrustingEveryoneAndKeepsItsData() throws Exception {
        Path data = tmp.resolve("older");
        System.setProperty("ot.epg.working-dir", data.resolve("pg-runtime").toString());
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).start();
                Connection c = older.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('acknowledged')");
        }
        try (EmbeddedServers servers = EmbeddedServers.start(data, true)) {
            String password = servers.properties().get("quarkus.datasource.password");
            assertEquals(INVALID_PASSWORD, refusal(servers.jdbcUrl(), "postgres"));
            assertFalse(trusting(data), "no access rule without a password");
            try (Connection c = DriverManager.getConnection(servers.jdbcUrl(), "postgres", password);
                    ResultSet r = c.createStatement().executeQuery("select v from kept")) {
                r.next();
                assertEquals("acknowledged", r.getString(1));
            }
        }
        try (EmbeddedServers again = EmbeddedServers.start(data, true)) {
            assertEquals("postgres", currentUser(again.jdbcUrl(), again.properties().get("quarkus.datasource.password")),
                    "the next start finds the password it set");
        }
    }

    private static boolean trusting(Path data) throws IOException {
        return Pattern.compile("(?m)^[^#\\n]*\\strust\\s*$").matcher(Files.readString(data.resolve("postgres").resolve("pg_hba.conf"))).find();
    }

    private static String refusal(String url, String password) {
        return assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", password).close()).getSQLState();
    }

    private static String currentUser(String url, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", password);
                ResultSet r = c.createStatement().executeQuery("select current_user")) {
            r.next();
            return r.getString(1);
        }
    }
}
