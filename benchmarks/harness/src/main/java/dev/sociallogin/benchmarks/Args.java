package dev.sociallogin.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --flag} options; a name given several times keeps every value. */
final class Args {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Args(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String value(String name, String fallback) {
        List<String> list = values.get(name);
        return list == null ? fallback : list.get(list.size() - 1);
    }

    String required(String name) {
        String value = value(name, null);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    int intValue(String name, int fallback) {
        String value = value(name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    long longValue(String name, long fallback) {
        String value = value(name, null);
        return value == null ? fallback : Long.parseLong(value);
    }

    double doubleValue(String name, double fallback) {
        String value = value(name, null);
        return value == null ? fallback : Double.parseDouble(value);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(value(name, "false"));
    }
}
