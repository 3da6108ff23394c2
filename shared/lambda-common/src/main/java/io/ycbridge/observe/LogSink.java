package io.ycbridge.observe;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where structured lines go: stdout in Lambda (CloudWatch takes each line as one event), a list in tests so they can
 * assert what was — and was not — logged.
 */
@FunctionalInterface
public interface LogSink {
    LogSink STDOUT = stdout(System.out);

    void write(String line);

    static LogSink stdout(PrintStream out) {
        return line -> {
            synchronized (out) {
                out.println(line);
            }
        };
    }

    /** A sink that keeps every line; for tests. */
    final class Captured implements LogSink {
        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void write(String line) {
            lines.add(line);
        }

        public synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        public synchronized String all() {
            return String.join("\n", lines);
        }
    }
}
