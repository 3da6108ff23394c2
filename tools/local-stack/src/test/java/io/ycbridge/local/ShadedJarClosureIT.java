package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The function jars leave out the DynamoDB model classes listed in tools/jar-trim (see the antrun step in the root
 * pom). That is safe only while nothing a function can run reaches them, and a new DynamoDB call in our code, or an
 * SDK upgrade, can change that. So for every jar this walks the class references (the constant pool and every type
 * in a descriptor or signature) from all classes but the operations' own request and response types, entering an
 * operation's request and response only when one of our classes names them, as a call does. Every model class the
 * walk reaches must be in the jar; and the jar must not keep any the walk cannot reach, so the list stays complete.
 *
 * <p>Stopping at an unused operation's request and response is what the JVM does too: the client's method for it is
 * verified with those types, which loads them (they are kept), but their fields' types are resolved only when the
 * operation runs.
 */
class ShadedJarClosureIT {
    private static final String MODEL = "software/amazon/awssdk/services/dynamodb/model/";
    private static final Pattern OPERATION_TYPE = Pattern.compile(Pattern.quote(MODEL) + "(\\w+?)(Request|Response)(\\$Builder)?");
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");
    private static final Path LIST = Path.of("tools/jar-trim/dynamodb-model-unreachable.txt");
    private static Path root;

    @BeforeAll
    static void template() throws Exception {
        root = TemplateFunctionsTest.templatePath().getParent();
    }

    @Test
    void everyModelClassAFunctionCanReachIsInItsJarAndNoOtherIs() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(root.resolve(LIST))) {
            if (!line.isBlank()) {
                listed.add(line.strip().replaceAll("\\.class$", ""));
            }
        }
        Set<String> reachableSomewhere = new TreeSet<>();
        Set<String> keptSomewhereUnreachable = null;
        int jarsWithDynamoDb = 0;
        for (Path jar : functionJars()) {
            Walk walk = Walk.of(jar);
            if (walk.classes.keySet().stream().noneMatch(name -> name.startsWith(MODEL))) {
                continue;
            }
            jarsWithDynamoDb++;
            Set<String> missing = new TreeSet<>();
            for (String reached : walk.reachable()) {
                if (reached.startsWith(MODEL)) {
                    reachableSomewhere.add(reached);
                    if (!walk.classes.containsKey(reached)) {
                        missing.add(reached + " (from " + walk.reachedFrom.get(reached) + ")");
                    }
                }
            }
            assertTrue(missing.isEmpty(), jar.getFileName() + " runs code that needs these classes, which " + LIST
                    + " leaves out: remove them from the list. " + missing);
            Set<String> unreachable = new TreeSet<>();
            Set<String> reachable = walk.reachable();
            walk.classes.keySet().stream().filter(name -> name.startsWith(MODEL) && !reachable.contains(name)).forEach(unreachable::add);
            if (keptSomewhereUnreachable == null) {
                keptSomewhereUnreachable = unreachable;
            } else {
                keptSomewhereUnreachable.retainAll(unreachable);
            }
        }
        assertTrue(jarsWithDynamoDb >= 4, "the DynamoDB functions' jars were found: " + jarsWithDynamoDb);
        assertTrue(keptSomewhereUnreachable.isEmpty(), "no function can reach these, yet every jar keeps them: add them to "
                + LIST + ": " + keptSomewhereUnreachable);
        Set<String> listedButReachable = new TreeSet<>(listed);
        listedButReachable.retainAll(reachableSomewhere);
        assertTrue(listedButReachable.isEmpty(), "listed but reachable: " + listedButReachable);
    }

    @Test
    void theWalkFindsWhatACallNeeds() throws IOException {
        // The walk must be able to fail: from a jar that calls GetItem, GetItemResponse's item type is reached.
        Path jar = functionJars().stream().filter(path -> path.toString().contains("webhook-intake")).findFirst().orElseThrow();
        Set<String> reachable = Walk.of(jar).reachable();
        assertTrue(reachable.contains(MODEL + "AttributeValue"), "AttributeValue reached");
        assertTrue(reachable.contains(MODEL + "GetItemResponse"), "GetItemResponse reached");
        assertFalse(reachable.contains(MODEL + "BackupDescription"), "an unused operation's field type is not reached");
        assertEquals(0, Files.readAllLines(root.resolve(LIST)).stream().filter(line -> line.contains("AttributeValue.class")).count(),
                "AttributeValue is never listed");
    }

    private static List<Path> functionJars() throws IOException {
        try (var modules = Files.list(root.resolve("functions"))) {
            return modules.map(module -> module.resolve("target/" + module.getFileName() + "-lambda.jar")).filter(Files::exists).sorted().toList();
        }
    }

    /** One jar's classes and their references, and the walk from everything but the unused operations' types. */
    private static final class Walk {
        final Map<String, Set<String>> classes = new HashMap<>();
        final Map<String, String> reachedFrom = new LinkedHashMap<>();
        private Set<String> reachable;

        static Walk of(Path jar) throws IOException {
            Walk walk = new Walk();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : zip.stream().toList()) {
                    String name = entry.getName();
                    if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                        walk.classes.put(name.substring(0, name.length() - ".class".length()),
                                references(zip.getInputStream(entry).readAllBytes()));
                    }
                }
            }
            return walk;
        }

        Set<String> reachable() {
            if (reachable != null) {
                return reachable;
            }
            // The one operation the client calls by itself: endpoint discovery, if someone turns it on.
            Set<String> calledOperations = new HashSet<>(Set.of("DescribeEndpoints"));
            classes.forEach((name, references) -> {
                if (name.startsWith("io/ycbridge/")) {
                    for (String reference : references) {
                        Matcher operation = OPERATION_TYPE.matcher(reference);
                        if (operation.matches()) {
                            calledOperations.add(operation.group(1));
                        }
                    }
                }
            });
            Set<String> seen = new HashSet<>();
            Deque<String> pending = new ArrayDeque<>();
            for (String name : classes.keySet()) {
                if (!name.startsWith(MODEL)) {
                    pending.add(name);
                    reachedFrom.put(name, "the jar");
                }
            }
            while (!pending.isEmpty()) {
                String name = pending.pop();
                if (!seen.add(name)) {
                    continue;
                }
                Matcher operation = OPERATION_TYPE.matcher(name);
                if (operation.matches() && !calledOperations.contains(operation.group(1))) {
                    continue;
                }
                for (String reference : classes.getOrDefault(name, Set.of())) {
                    if (!seen.contains(reference)) {
                        reachedFrom.putIfAbsent(reference, name);
                        pending.push(reference);
                    }
                }
            }
            reachable = seen;
            return seen;
        }

        /** Every class a class file names: its constant pool's classes and the types in its descriptors and signatures. */
        private static Set<String> references(byte[] classFile) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
            in.skipBytes(8);
            int count = in.readUnsignedShort();
            Map<Integer, String> texts = new HashMap<>();
            List<Integer> classIndexes = new java.util.ArrayList<>();
            for (int index = 1; index < count; index++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> texts.put(index, in.readUTF());
                    case 7 -> classIndexes.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        index++;
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            Set<String> references = new HashSet<>();
            for (int classIndex : classIndexes) {
                String name = texts.get(classIndex).replaceFirst("^\\[+", "");
                references.add(name.startsWith("L") && name.endsWith(";") ? name.substring(1, name.length() - 1) : name);
            }
            for (String text : texts.values()) {
                Matcher type = DESCRIPTOR_TYPE.matcher(text);
                while (type.find()) {
                    references.add(type.group(1));
                }
            }
            return references;
        }
    }
}
