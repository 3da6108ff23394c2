package io.ycbridge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of {@code .env} files (the functions' local secret, the ops CLI's {@code --env-file}, the local
 * stack's settings): {@code KEY=value} lines, {@code #} comments, an optional {@code export } prefix, values
 * optionally in single or double quotes, a {@code " #"} comment after an unquoted value. The common subset of what
 * docker compose and direnv read; no variable expansion. Errors give the line number, never the line (it may hold a
 * token); each caller says in its own terms that the file cannot be read.
 */
public final class DotEnvFile {
    private static final Pattern LINE = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");

    private DotEnvFile() {
    }

    /**
     * @return the keys in file order
     * @throws IOException when the file cannot be read
     * @throws ConfigException naming the line (the variable: {@code file:line}, or the key whose quote is not closed)
     */
    public static Map<String, String> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The same lines from a text held in memory ({@code name} says where it came from in errors). */
    public static Map<String, String> parse(String text, String name) {
        return parse(text.lines().toList(), name);
    }

    static Map<String, String> parse(List<String> lines, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new ConfigException(name + ":" + (i + 1), name + " line " + (i + 1) + " is not KEY=value");
            }
            values.put(matcher.group(1), value(matcher.group(2), name, i + 1, matcher.group(1)));
        }
        return values;
    }

    private static String value(String raw, String name, int lineNumber, String key) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char quote = raw.charAt(0);
            int end = raw.indexOf(quote, 1);
            if (end < 0) {
                throw new ConfigException(key, name + " line " + lineNumber + ": the value of " + key + " has no closing " + quote);
            }
            return raw.substring(1, end);
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }
}
