package dev.sociallogin.bootstrap.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** A scrape in the Prometheus text format, as series ({@code name{label="v",...}}) to values. */
record Prometheus(Map<String, Double> series) {

    static Prometheus parse(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new Prometheus(Map.copyOf(series));
    }

    double value(String key) {
        return series.getOrDefault(key, 0.0);
    }

    boolean has(String namePrefix) {
        return series.keySet().stream().anyMatch(key -> key.startsWith(namePrefix));
    }

    /** Every series starting with {@code prefix} whose value differs from {@code before}'s, with the difference. */
    Map<String, Double> changedSince(Prometheus before, String prefix) {
        Map<String, Double> changed = new LinkedHashMap<>();
        TreeSet<String> keys = new TreeSet<>(series.keySet());
        keys.addAll(before.series.keySet());
        for (String key : keys) {
            if (key.startsWith(prefix)) {
                double delta = value(key) - before.value(key);
                if (delta != 0) {
                    changed.put(key, delta);
                }
            }
        }
        return changed;
    }
}
