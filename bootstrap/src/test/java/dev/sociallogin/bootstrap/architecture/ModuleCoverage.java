package dev.sociallogin.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which Maven modules of the build the architecture tests do not see: the root pom's
 * {@code <modules>}, each with the main classes its sources declare, against the classes the
 * tests imported. A module left off bootstrap's (test) classpath would otherwise pass every rule
 * without being checked by any.
 */
final class ModuleCoverage {

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

    private ModuleCoverage() {
    }

    /** The modules of the build under {@code root}, each with the fully qualified names of its main top-level classes. */
    static Map<String, List<String>> modules(Path root) {
        Map<String, List<String>> modules = new TreeMap<>();
        try {
            // the build's own module list, not a profile's (the benchmarks' profile lives outside verify)
            String pom = Files.readString(root.resolve("pom.xml"));
            String buildModules = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
            Matcher matcher = MODULE.matcher(buildModules);
            while (matcher.find()) {
                Path sources = root.resolve(matcher.group(1)).resolve("src/main/java");
                List<String> classes = new ArrayList<>();
                if (Files.isDirectory(sources)) {
                    try (Stream<Path> files = Files.walk(sources)) {
                        files.filter(file -> file.toString().endsWith(".java") && !file.endsWith("package-info.java"))
                                .forEach(file -> classes.add(className(sources.relativize(file))));
                    }
                }
                modules.put(matcher.group(1), classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    /** The modules none of whose classes is among {@code imported}, and those without a single class at all. */
    static List<String> missing(Map<String, List<String>> modules, JavaClasses imported) {
        List<String> missing = new ArrayList<>();
        modules.forEach((module, classes) -> {
            if (classes.isEmpty() || classes.stream().anyMatch(name -> !imported.contain(name))) {
                missing.add(module);
            }
        });
        return missing;
    }

    private static String className(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return path.substring(0, path.length() - ".java".length()).replace('/', '.');
    }
}
