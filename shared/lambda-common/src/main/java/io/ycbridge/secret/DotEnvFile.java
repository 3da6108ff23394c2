package io.ycbridge.secret;

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
 * A {@code .env} file: {@code KEY=value} lines, {@code #} comments, an optional {@code export } prefix, values
 * optionally in single or double quotes. The common subset of what docker compose and direnv read; no variable
 * expansion. Errors give the line number, never the line (it may hold a token).
 */
final class DotEnvFile {
    private static final Pattern LINE = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");

    private DotEnvFile() {
    }

    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SecretUnavailableException("cannot read the .env file " + file + " (YCLIENTS_ENV_FILE): " + e.getClass().getSimpleName(), e);
        }
        return parse(lines, file.toString());
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
                throw new SecretFormatException(name + ":" + (i + 1), name + " line " + (i + 1) + " is not KEY=value");
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
                throw new SecretFormatException(key, name + " line " + lineNumber + ": the value of " + key + " has no closing " + quote);
            }
            return raw.substring(1, end);
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }
}
