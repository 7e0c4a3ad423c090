package cn.gd.xueshi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an end-to-end script of {@code src/test/e2e} in Debian's headless Chromium and returns what it printed. */
public final class Browser {

    public static final Path E2E = Path.of("src/test/e2e");

    private Browser() {
    }

    public static void requireInstalled() {
        assertTrue(Files.isDirectory(E2E.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: run `bash .ci/run` (or `npm install` in src/test/e2e)");
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "Debian's chromium is not installed: run `bash .ci/run` (it installs chromium and chromium-driver)");
    }

    public static String run(URL base, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script, base.toString().replaceAll("/$", "")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true);
        pb.environment().put("SCREENSHOT", Path.of("target", "e2e-" + script.replace(".mjs", "") + ".png").toAbsolutePath().toString());
        Process process = pb.start();
        boolean finished = process.waitFor(300, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "browser test did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
