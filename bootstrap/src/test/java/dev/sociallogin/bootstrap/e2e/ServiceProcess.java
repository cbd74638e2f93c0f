package dev.sociallogin.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The runnable jar started as a child process ({@code java -jar bootstrap/target/social-login.jar}),
 * with an environment that holds only what the test sets, its output collected line by line.
 */
final class ServiceProcess implements AutoCloseable {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofMillis(500)).readTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    /**
     * The child's stdout and stderr go to a file: a thread reading the pipe loses the last lines
     * when the JVM's process reaper closes the pipe at exit ("Stream closed").
     */
    private final Path outputFile;
    private final long startedNanos;
    final int port;

    private ServiceProcess(List<String> java, Path directory, Map<String, String> env, int port, String... args) {
        this.port = port;
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(args));
        try {
            outputFile = Files.createTempFile("social-login-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        outputFile.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        startedNanos = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the jar with {@code env} plus AUTH_HTTP_PORT on a free port and, unless {@code env} names
     * one, no management listener (its default port is fixed, and test runs share the machine).
     */
    static ServiceProcess start(Map<String, String> env, String... args) {
        return start(List.of(javaBinary(), "-jar", jar().toString()), Path.of("."), env, args);
    }

    /**
     * Starts the jar with the README's run command, from the repository root: the {@code java} on
     * the PATH (the one that wrote the archive at build time), the class-data archive, the relative
     * jar path. {@code -Xshare:on} makes an archive that cannot be used an error instead of a slow start.
     */
    static ServiceProcess startAsReadme(Map<String, String> env, String... args) {
        Map<String, String> withPath = new HashMap<>(env);
        withPath.put("PATH", System.getenv("PATH"));
        return start(List.of("java", "-Xshare:on", "-XX:SharedArchiveFile=" + README_ARCHIVE, "-jar", README_JAR),
                jar().toAbsolutePath().getParent().getParent().getParent(), withPath, args);
    }

    static final String README_JAR = "bootstrap/target/social-login.jar";
    static final String README_ARCHIVE = "bootstrap/target/social-login.jsa";

    private static ServiceProcess start(List<String> java, Path directory, Map<String, String> env, String... args) {
        int port = freePort();
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("AUTH_HTTP_PORT", Integer.toString(port));
        all.putIfAbsent("AUTH_MANAGEMENT_PORT", "0");
        return new ServiceProcess(java, directory, all, Integer.parseInt(all.get("AUTH_HTTP_PORT")), args);
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "social-login.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first (mvn package): " + jar.toAbsolutePath());
        }
        return jar;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Polls {@code /health} until it answers 200; returns the time from starting the process to
     * that answer. Fails when the process exits first or {@code timeout} passes.
     */
    Duration awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("service exited with " + process.exitValue() + ":\n" + output());
            }
            try (Response response = HTTP.newCall(new Request.Builder().url(baseUrl() + "/health").build()).execute()) {
                if (response.code() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYetListening) {
                // keep polling
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not healthy within " + timeout + ":\n" + output());
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL (what {@code kill -9} sends: no shutdown hook, no flush), then waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("still running 30 s after SIGKILL");
        }
    }

    /** SIGTERM, then the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    List<String> lines() {
        try {
            return Files.readAllLines(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        return String.join("\n", lines());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
