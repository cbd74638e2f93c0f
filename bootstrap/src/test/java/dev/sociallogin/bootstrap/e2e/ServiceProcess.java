package dev.sociallogin.bootstrap.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread pump;
    private final long startedNanos;
    final int port;

    private ServiceProcess(Map<String, String> env, int port, String... args) {
        this.port = port;
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        startedNanos = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pump = new Thread(this::pumpOutput, "service-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts the jar with {@code env} plus AUTH_HTTP_PORT on a free port. */
    static ServiceProcess start(Map<String, String> env, String... args) {
        int port = freePort();
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("AUTH_HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(all, Integer.parseInt(all.get("AUTH_HTTP_PORT")), args);
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
        pump.join(2000);
        return process.exitValue();
    }

    /** SIGTERM, then the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String output() {
        return String.join("\n", lines);
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // process gone
        }
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
