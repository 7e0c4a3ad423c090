package cn.gd.xueshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The image's AppCDS step, run for real on the packaged application: the command the Dockerfile
 * runs at build time makes an archive without a database, and the entry point's JVM accepts it
 * (with -Xshare:on a JVM refuses an archive made for another class path or JVM).
 */
class ContainerImageIT {

    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");

    @Test
    void theImageBuildsAClassArchiveThatItsEntryPointCanUse() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE).replace("\\\n", " ");
        Matcher run = Pattern.compile("(?m)^RUN (java [^>|\\n]*-XX:ArchiveClassesAtExit=(\\S+)[^>|\\n]*)").matcher(dockerfile);
        assertTrue(run.find(), "the Dockerfile generates an AppCDS archive");
        String archive = run.group(2);
        Matcher entry = Pattern.compile("ENTRYPOINT .*exec (java .*-jar (\\S+))\"").matcher(dockerfile);
        assertTrue(entry.find(), "the entry point runs java");
        assertTrue(entry.group(1).contains("-XX:SharedArchiveFile=" + archive), "the entry point uses the archive it built");
        assertEquals("quarkus-run.jar", entry.group(2), "started by the same relative class path the archive records");
        Matcher workdir = Pattern.compile("(?m)^WORKDIR (\\S+)").matcher(dockerfile);
        assertTrue(workdir.find());
        assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/*.jar " + workdir.group(1) + "/"),
                "quarkus-run.jar is copied into the working directory");

        Path app = Files.createDirectories(Path.of("target", "it-data", "image-" + ProcessHandle.current().pid()));
        copy(Path.of("target", "quarkus-app"), app);
        List<String> generate = List.of(run.group(1).trim().split("\\s+"));
        ProcessBuilder gen = new ProcessBuilder(generate).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(app.resolve("generate.log").toFile());
        // the default build carries the embedded servers; this tells it a database is configured elsewhere
        gen.environment().put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:1/none");
        Process generation = gen.start();
        assertTrue(generation.waitFor(120, TimeUnit.SECONDS), "archive generation finishes");
        File jsa = app.resolve(archive).toFile();
        assertTrue(jsa.length() > 1_000_000, "an archive of the loaded classes was written: " + jsa.length() + " bytes");

        Process check = new ProcessBuilder("java", "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp", "quarkus-run.jar",
                "-version").directory(app.toFile()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), out);
        assertTrue(out.contains("sharing"), out);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
