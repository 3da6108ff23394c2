package io.ycbridge.localaws;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes sure DynamoDB Local can load its native SQLite library (sqlite4java, JNI).
 *
 * <p>DynamoDB Local 3.x carries the libraries for Linux, macOS and Windows inside its own jar and extracts the one for
 * this platform itself, whether or not {@code sqlite4java.library.path} is set (checked with 3.3.1: it starts with the
 * property pointing at the Maven-copied {@code target/native-libs}, at an empty folder, or unset). So normally there is
 * nothing to do. Only when the jar has no library for this platform do we look for sqlite4java's own native
 * artifacts — on the classpath (Maven puts DynamoDB Local's {@code so}/{@code dylib}/{@code dll} dependencies there)
 * or in the local Maven repository — copy them under the names sqlite4java looks for, and point the property there.
 */
final class SqliteNatives {
    static final String PROPERTY = "sqlite4java.library.path";
    private static final String EMBEDDED_ROOT = "software/amazon/dynamodb/services/local/shared/access/sqlite/native/";

    private SqliteNatives() {
    }

    static void ensureLoadable() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && containsLibrary(Path.of(configured))) {
            return;
        }
        if (embeddedLibraryPresent()) {
            return;
        }
        List<Path> candidates = new ArrayList<>(fromClasspath());
        if (candidates.isEmpty()) {
            candidates.addAll(fromMavenRepository());
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("DynamoDB Local needs the native sqlite4java library for " + platform()
                    + ": none is embedded in its jar, on the classpath or under ~/.m2/repository/com/almworks/sqlite4java; "
                    + "set -D" + PROPERTY + "=<folder with libsqlite4java-*.so|dylib|dll>");
        }
        try {
            Path folder = Files.createTempDirectory("ycbridge-sqlite4java");
            for (Path library : candidates) {
                // sqlite4java tries "<prefix>sqlite4java-<os>-<arch>.<ext>" first; the Maven file names carry a version.
                String name = library.getFileName().toString().replaceFirst("-\\d+(\\.\\d+)*(\\.(so|dylib|dll))$", "$2");
                Path copy = folder.resolve(name);
                Files.copy(library, copy, StandardCopyOption.REPLACE_EXISTING);
                copy.toFile().deleteOnExit();
            }
            folder.toFile().deleteOnExit();
            System.setProperty(PROPERTY, folder.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the native sqlite4java library to a temporary folder", e);
        }
    }

    static boolean containsLibrary(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(SqliteNatives::isLibrary);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean embeddedLibraryPresent() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String folder = os.contains("win") ? "Windows" : os.contains("mac") || os.contains("darwin") ? "Mac" : "Linux";
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String archFolder = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "x86";
            default -> arch;
        };
        String file = folder.equals("Windows") ? "sqlite4java.dll" : folder.equals("Mac") ? "libsqlite4java.dylib" : "libsqlite4java.so";
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(SqliteNatives.class.getClassLoader());
        return loader.getResource(EMBEDDED_ROOT + folder + "/" + archFolder + "/" + file) != null;
    }

    private static List<Path> fromClasspath() {
        List<Path> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path path = Path.of(entry);
                if (isLibrary(path) && Files.isRegularFile(path)) {
                    found.add(path);
                }
            }
        }
        return found;
    }

    private static List<Path> fromMavenRepository() {
        Path root = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "almworks", "sqlite4java");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(SqliteNatives::isLibrary).filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isLibrary(Path path) {
        String name = path.getFileName().toString();
        return name.contains("sqlite4java") && (name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll"));
    }

    private static String platform() {
        return System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    }
}
