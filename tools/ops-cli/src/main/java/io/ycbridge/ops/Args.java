package io.ycbridge.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options and {@code --flag} switches of one command; anything else is a usage error. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flagsSet = new java.util.HashSet<>();

    private Args() {
    }

    static Args parse(List<String> arguments, Set<String> options, Set<String> flags) {
        Args args = new Args();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name = argument;
            String inline = null;
            int equals = argument.indexOf('=');
            if (argument.startsWith("--") && equals > 0) {
                name = argument.substring(0, equals);
                inline = argument.substring(equals + 1);
            }
            if (flags.contains(name) && inline == null) {
                args.flagsSet.add(name);
            } else if (options.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= arguments.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = arguments.get(++i);
                }
                args.values.put(name, value);
            } else {
                throw new UsageException("unknown option '" + argument + "'; this command takes "
                        + String.join(", ", union(options, flags)));
            }
        }
        return args;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    String require(String name) {
        return value(name).orElseThrow(() -> new UsageException(name + " is required"));
    }

    boolean flag(String name) {
        return flagsSet.contains(name);
    }

    long companyId(String name) {
        String text = require(name);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(name + " must be a positive YClients company id such as 235564");
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).sorted().toList();
    }
}
