package dev.sociallogin.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the service: {@code java <options> -jar bootstrap/target/social-login.jar} started
 * from the variant's directory (the relative jar path is what the class-data archive was recorded
 * with), its output going to a log file, stopped with SIGTERM by its own pid.
 */
final class ServiceProcess implements AutoCloseable {

    /** Lines of the service's log kept after a run (it logs one line per request). */
    private static final int LOG_TAIL_BYTES = 64 * 1024;

    private final Process process;
    private final int port;
    private final long launchedNanos;
    private final Path log;
    private final boolean keepLog;

    private ServiceProcess(Process process, int port, long launchedNanos, Path log, boolean keepLog) {
        this.process = process;
        this.port = port;
        this.launchedNanos = launchedNanos;
        this.log = log;
        this.keepLog = keepLog;
    }

    /** The command line of a variant: java, its options, -jar and the relative jar path, then {@code arguments}. */
    static List<String> command(String java, Variant variant, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(variant.jvmOptions());
        command.add("-jar");
        command.add(Variant.JAR);
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Starts the variant with exactly {@code environment} as its configuration: AUTH_* and KAKAO_*
     * variables of the harness's own environment are dropped, so a developer's shell cannot leak a
     * database URL into an embedded run. {@code port} must be the AUTH_HTTP_PORT given.
     */
    static ServiceProcess start(String java, Variant variant, Map<String, String> environment, int port, Path log, boolean keepLog)
            throws IOException {
        ProcessBuilder builder = configured(new ProcessBuilder(command(java, variant)), variant, environment)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        long launched = System.nanoTime();
        return new ServiceProcess(builder.start(), port, launched, log, keepLog);
    }

    static ProcessBuilder configured(ProcessBuilder builder, Variant variant, Map<String, String> environment) {
        builder.directory(variant.directory().toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AUTH_") || name.startsWith("KAKAO_"));
        builder.environment().putAll(environment);
        return builder;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the first 200 on /health (polled every 10 ms over a raw socket); ms since launch. */
    long awaitHealthy(long timeoutSeconds) throws IOException, InterruptedException {
        while (!healthy(port)) {
            if (!process.isAlive()) {
                throw new IOException("the service exited with " + process.exitValue() + " before it was healthy; see " + log);
            }
            if (System.nanoTime() - launchedNanos > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
                throw new IOException("the service was not healthy within " + timeoutSeconds + " s; see " + log);
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - launchedNanos) / 1_000_000;
    }

    long cpuMillis() {
        return Proc.cpuMillis(process.pid());
    }

    long kb(String field) {
        return Proc.statusKb(process.pid(), field);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (!keepLog) {
            trimLog(log);
        }
    }

    /** Keeps the end of the log: the request lines of a run can reach hundreds of MB. */
    static void trimLog(Path log) throws IOException {
        if (!Files.exists(log) || Files.size(log) <= LOG_TAIL_BYTES) {
            return;
        }
        byte[] tail = new byte[LOG_TAIL_BYTES];
        long size;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            size = file.length();
            file.seek(size - LOG_TAIL_BYTES);
            file.readFully(tail);
        }
        String text = new String(tail, StandardCharsets.UTF_8);
        text = text.substring(text.indexOf('\n') + 1);
        Files.writeString(log, "[... first " + (size - LOG_TAIL_BYTES) + " bytes cut by the harness; --keep-logs keeps them]\n" + text);
    }

    static boolean healthy(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException notYet) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
