package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.snapstart.FreshRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code that runs in a function keeps a random generator that a SnapStart snapshot could copy into every restored
 * environment (AWS: "Handling uniqueness with Lambda SnapStart"; the rules of AWS's SnapStart bug scanner, which is
 * not served here, flag the same constructs). Randomness goes through {@link FreshRandom}.
 */
class SnapStartUniquenessTest {
    // Generators whose state is made once and kept (in a static, a field built at init, a thread's seed), and unique
    // values computed into a static.
    private static final Pattern KEPT_GENERATOR = Pattern.compile(
            "new\\s+(java\\.util\\.)?Random\\s*\\(|new\\s+SecureRandom\\s*\\(|new\\s+SplittableRandom\\s*\\(|ThreadLocalRandom|Math\\.random\\s*\\("
                    + "|static\\s+[^=;(]*=\\s*(UUID\\.randomUUID|System\\.nanoTime|System\\.currentTimeMillis)\\s*\\(");
    private static final Path FRESH_RANDOM = Path.of("shared/lambda-common/src/main/java/io/ycbridge/snapstart/FreshRandom.java");

    @Test
    void theFunctionsCodeKeepsNoGeneratorASnapshotWouldCopy() throws IOException {
        Path root = TemplateFunctionsTest.templatePath().getParent();
        List<String> found = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Stream.concat(Files.list(root.resolve("functions")),
                Stream.of("lambda-common", "bonus-ledger", "yclients-client").map(root.resolve("shared")::resolve))) {
            modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).forEach(dir -> {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        for (Path source : sources) {
            if (root.relativize(source).equals(FRESH_RANDOM)) {
                continue;
            }
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (KEPT_GENERATOR.matcher(lines.get(i)).find() && !lines.get(i).strip().startsWith("*") && !lines.get(i).strip().startsWith("//")) {
                    found.add(root.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertTrue(sources.size() > 100, "the functions' sources were found: " + sources.size());
        assertTrue(found.isEmpty(), "randomness a SnapStart snapshot would copy into every restored environment; draw it with "
                + "io.ycbridge.snapstart.FreshRandom at the time of use instead:\n" + String.join("\n", found));
    }

    @Test
    void theRuleCatchesWhatItIsFor() {
        for (String kept : List.of("private static final SecureRandom RANDOM = new SecureRandom();", "long jitter = ThreadLocalRandom.current().nextLong(9);",
                "Random random = new Random(42);", "private static final UUID SANDBOX_ID = UUID.randomUUID();", "double d = Math.random();",
                "static final long SEED = System.nanoTime();")) {
            assertTrue(KEPT_GENERATOR.matcher(kept).find(), kept);
        }
        assertTrue(!KEPT_GENERATOR.matcher("return FreshRandom.between(1, 64);").find());
        assertTrue(!KEPT_GENERATOR.matcher("static final String USER_ID = \"user_id\";").find());
    }

    @Test
    void freshDrawsDiffer() {
        assertNotEquals(List.of(FreshRandom.between(0, Long.MAX_VALUE), FreshRandom.between(0, Long.MAX_VALUE)).get(0),
                FreshRandom.between(0, Long.MAX_VALUE));
        assertEquals(16, FreshRandom.bytes(16).length);
        long draw = FreshRandom.between(5, 6);
        assertEquals(5, draw);
    }
}
