package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DOMAIN's all-or-nothing promise under the worst failure: the import's process is killed with
 * SIGKILL (kill -9) while it is writing. The real command runs in its own JVM from the packaged
 * application, against its own database (a fresh H2 file, or a fresh PostgreSQL database in the
 * PostgreSQL run); the test waits until 60% of the file has been read (the writer is then at least a chunk in), kills the process, and
 * finds nothing of the file stored. Not a Spring test: it needs no context and shares none.
 */
class ImportKilledMidwayIntegrationTests {

    static final int ROWS = 30_000;

    @Test
    void killingTheImportWithSigkillMidwayLeavesNothingOfTheFile(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "limber.jar").toAbsolutePath();
        assertThat(jar).as("the packaged application (mvn verify packages it before the integration tests)").exists();
        String postgresUrl = System.getProperty("spring.datasource.url", "");
        Database database = postgresUrl.startsWith("jdbc:postgresql:") ? Database.freshPostgres(postgresUrl) : Database.freshH2(dir);
        try {
            run(jar, dir, database, List.of("db", "migrate"), 120);
            try (Connection c = database.connect()) {
                c.createStatement().executeUpdate("insert into provider (code, name) values ('RZK', 'Killed import test provider')");
            }
            Path file = dir.resolve("big.csv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(WaitingListImportIntegrationTests.HEADER);
                for (int i = 0; i < ROWS; i++) {
                    out.write(String.join(",", "KILL-" + i, "RZK", "9434765919", "1970-01-01", "2024-10-01", "GP", "2024-10-01", "", "",
                            "ORTT", "650", "1", "RZK", "QHL", "") + "\n");
                }
            }

            Process importing = process(jar, dir, database, List.of("import", "waiting-list", file.toString())).start();
            List<String> output = new ArrayList<>();
            boolean midway = false;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(importing.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.startsWith("Read 60%")) {
                        midway = true;
                        importing.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback by the JVM
                        break;
                    }
                }
            }
            assertThat(importing.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(midway).as("the import was killed while writing (its output: %s)", output).isTrue();
            assertThat(output).noneMatch(line -> line.startsWith("Imported"));

            try (Connection c = database.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "select count(*) from pathway where issuer_code = 'RZK'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("pathways of the killed import").isZero();
            }
            // and the same file imports whole afterwards: nothing half-written is in its way
            List<String> again = run(jar, dir, database, List.of("import", "waiting-list", file.toString()), 300);
            assertThat(again).anyMatch(line -> line.startsWith("rows read " + ROWS + ", created " + ROWS));
        } finally {
            database.drop();
        }
    }

    static List<String> run(Path jar, Path dir, Database database, List<String> args, int seconds) throws IOException, InterruptedException {
        Process process = process(jar, dir, database, args).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(output::add);
        }
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", args, output).isZero();
        return output;
    }

    static ProcessBuilder process(Path jar, Path dir, Database database, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("LIMBER_DATA_DIR", dir.toString(), "LIMBER_DB_URL", database.url(),
                "LIMBER_DB_USER", database.user(), "LIMBER_DB_PASSWORD", ""));
        return builder;
    }

    /** The import's own database, made for this test and dropped after it. */
    record Database(String url, String user, String adminUrl, String name) {

        static Database freshH2(Path dir) {
            return new Database("jdbc:h2:file:" + dir.resolve("limber") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;FILE_LOCK=NO", "sa", null, null);
        }

        static Database freshPostgres(String testUrl) throws SQLException {
            String name = "limber_killed_import_" + ProcessHandle.current().pid();
            String server = testUrl.substring(0, testUrl.lastIndexOf('/') + 1);
            Database database = new Database(server + name, "postgres", testUrl, name);
            try (Connection c = DriverManager.getConnection(testUrl, "postgres", "")) {
                c.createStatement().executeUpdate("drop database if exists " + name);
                c.createStatement().executeUpdate("create database " + name);
            }
            return database;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }

        void drop() throws SQLException {
            if (adminUrl != null) {
                try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "")) {
                    c.createStatement().executeUpdate("drop database if exists " + name + " with (force)");
                }
            }
        }
    }
}
