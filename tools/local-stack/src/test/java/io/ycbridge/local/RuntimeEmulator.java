package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * AWS's Lambda Runtime Interface Emulator, which tools/lambda-local runs every function under. The tests that invoke
 * functions through it fail, never skip, when it cannot be had (no Go, no module proxy): like moto, a run without it
 * must not pass by testing less. ./ycbridge test builds it before Maven runs; this builds it too when a test is run alone.
 */
final class RuntimeEmulator {
    private RuntimeEmulator() {
    }

    /** The pinned aws-lambda-rie, built by tools/lambda-rie if missing; fails the calling test with its reason. */
    static Path require(Path root) throws Exception {
        Process process = new ProcessBuilder(root.resolve("tools/lambda-rie").toString(), "--print")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            fail("AWS's Lambda Runtime Interface Emulator is needed to invoke functions (tools/lambda-rie builds it with Go):\n"
                    + output);
        }
        Path executable = Path.of(output.lines().reduce((first, last) -> last).orElse(""));
        if (!Files.isExecutable(executable)) {
            fail("tools/lambda-rie printed no executable: " + output);
        }
        return executable;
    }
}
