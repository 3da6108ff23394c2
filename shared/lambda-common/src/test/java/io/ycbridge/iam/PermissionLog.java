package io.ycbridge.iam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One test JVM's permission uses, in the file the build names in the system property {@value #FILE_PROPERTY}
 * ({@code target/iam-calls/test.tsv} for surefire, {@code it.tsv} for failsafe; see the root pom). Each (handler,
 * action, resource) is written once, as it is first seen, one tab-separated line. The first line names the build
 * ({@value #BUILD_PROPERTY}, the Maven session's start) and the run's test filters, so the checker can tell this build's
 * files from an earlier one's, and a complete run from one that left tests out. The file is started when the test run
 * starts ({@link PermissionLogStart}), so a run whose handlers made no call still says it ran. Without the property (a
 * test run from an IDE) nothing is written.
 */
public final class PermissionLog {
    public static final String FILE_PROPERTY = "ycbridge.iam.calls";
    public static final String BUILD_PROPERTY = "ycbridge.iam.build";
    /** The test filters Maven passes to the test JVMs (-Dtest, -Dit.test): set, the run left tests out. */
    public static final List<String> FILTER_PROPERTIES = List.of("test", "it.test");
    private static final String BUILD_LINE = "# build ";
    private static final String FILTER_FIELD = "\tfilter ";

    private static final PermissionLog JVM = new PermissionLog(Optional.ofNullable(System.getProperty(FILE_PROPERTY)).map(Path::of),
            System.getProperty(BUILD_PROPERTY, ""), filters());

    private final Optional<Path> file;
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    private PermissionLog(Optional<Path> file, String build, String filters) {
        this.file = file;
        // A fresh file per JVM: what an earlier run recorded says nothing about this one.
        file.ifPresent(path -> write(path, BUILD_LINE + build + FILTER_FIELD + filters + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    private static String filters() {
        return FILTER_PROPERTIES.stream().filter(name -> !System.getProperty(name, "").isBlank())
                .map(name -> name + "=" + System.getProperty(name)).collect(Collectors.joining(" "));
    }

    /** This JVM's log. */
    public static PermissionLog jvm() {
        return JVM;
    }

    public void record(PermissionUse use) {
        if (file.isEmpty()) {
            return;
        }
        String key = use.handlerClass() + "\t" + use.permission().action() + "\t" + use.permission().resource();
        if (written.add(key)) {
            synchronized (this) {
                write(file.get(), key + "\t" + use.seenIn() + "\n", StandardOpenOption.APPEND);
            }
        }
    }

    /** A file read back: the build that wrote it, the test filters it ran under (empty: none) and its uses. */
    public record Recording(Path file, String build, String filters, List<PermissionUse> uses) {
    }

    public static Recording read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String header = !lines.isEmpty() && lines.get(0).startsWith(BUILD_LINE) ? lines.get(0).substring(BUILD_LINE.length()) : "";
            int filter = header.indexOf(FILTER_FIELD);
            String build = filter < 0 ? header : header.substring(0, filter);
            String filters = filter < 0 ? "" : header.substring(filter + FILTER_FIELD.length());
            List<PermissionUse> uses = new ArrayList<>();
            for (String line : lines) {
                String[] fields = line.split("\t", -1);
                if (!line.startsWith("#") && fields.length == 4) {
                    uses.add(new PermissionUse(fields[0], new Permission(fields[1], fields[2]), fields[3]));
                }
            }
            return new Recording(file, build, filters, uses);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path path, String text, StandardOpenOption... options) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the permission log " + path, e);
        }
    }
}
