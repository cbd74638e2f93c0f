package dev.sociallogin.benchmarks;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 keep-alive connection with blocking I/O: each load-driver client owns one. Hand
 * written rather than the JDK's HttpClient so that a client is exactly one socket, requests are
 * prebuilt bytes written in one call, and the driver spends as little CPU as possible on the
 * machine it shares with the service. It reads Content-Length, chunked and read-to-close bodies,
 * and reconnects when the server closes (Tomcat closes a connection after 100 requests by default).
 */
final class HttpConnection implements Closeable {

    /** A response: the status, the headers the driver needs, and the body bytes. */
    record Response(int status, String location, List<String> setCookies, byte[] body) {

        boolean ok() {
            return status >= 200 && status < 400;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final byte[] NO_BODY = new byte[0];

    private final String host;
    private final int port;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean fresh;
    private int connects;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** How often a socket was opened, the first time included. */
    int connects() {
        return connects;
    }

    /**
     * Sends one prebuilt request and reads its response. A reused connection that turns out to be
     * closed by the server before any byte of the answer arrived is reopened and the request sent
     * once more (the server never read it).
     */
    Response exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return read();
        } catch (EOFException | java.net.SocketException stale) {
            if (fresh || limit != 0) {
                close();
                throw stale;
            }
            close();
            connect();
            out.write(request);
            out.flush();
            return read();
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.connect(new InetSocketAddress(host, port), 5_000);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        position = 0;
        limit = 0;
        fresh = true;
        connects++;
    }

    private Response read() throws IOException {
        // position == 0 and limit == 0 here after every complete exchange: a stale socket shows as EOF at once
        String statusLine = readLine();
        fresh = false;
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            close();
            throw new IOException("not an HTTP response");
        }
        int status = Integer.parseInt(statusLine, 9, 12, 10);
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = statusLine.startsWith("HTTP/1.0");
        String location = null;
        List<String> cookies = null;
        String line;
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String value = line.substring(colon + 1).strip();
            switch (Character.toLowerCase(line.charAt(0))) {
                case 'c' -> {
                    if (line.regionMatches(true, 0, "content-length", 0, colon) && colon == 14) {
                        contentLength = Long.parseLong(value);
                    } else if (line.regionMatches(true, 0, "connection", 0, colon) && colon == 10) {
                        closeAfter = value.equalsIgnoreCase("close");
                    }
                }
                case 't' -> chunked = line.regionMatches(true, 0, "transfer-encoding", 0, colon) && colon == 17
                        && value.toLowerCase().contains("chunked");
                case 'l' -> {
                    if (colon == 8 && line.regionMatches(true, 0, "location", 0, colon)) {
                        location = value;
                    }
                }
                case 's' -> {
                    if (colon == 10 && line.regionMatches(true, 0, "set-cookie", 0, colon)) {
                        if (cookies == null) {
                            cookies = new ArrayList<>(4);
                        }
                        cookies.add(value);
                    }
                }
                default -> {
                }
            }
        }
        byte[] body;
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = NO_BODY;
        } else if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = readExactly((int) contentLength);
        } else {
            body = readToEnd();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        } else if (position == limit) {
            position = 0;
            limit = 0;
        }
        return new Response(status, location, cookies == null ? List.of() : cookies, body);
    }

    private byte[] readChunked() throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(512);
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: none expected, skipped
                }
                return body.toByteArray();
            }
            body.writeBytes(readExactly(size));
            readLine();
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = new byte[length];
        int copied = 0;
        while (copied < length) {
            if (position == limit) {
                fill();
            }
            int n = Math.min(length - copied, limit - position);
            System.arraycopy(buffer, position, bytes, copied, n);
            position += n;
            copied += n;
        }
        return bytes;
    }

    private byte[] readToEnd() throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(512);
        body.write(buffer, position, limit - position);
        position = limit;
        body.writeBytes(in.readAllBytes());
        return body.toByteArray();
    }

    /** A line without its CRLF, as ISO-8859-1 (headers are ASCII). */
    private String readLine() throws IOException {
        int scan = position;
        while (true) {
            for (int i = scan; i < limit - 1; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    String line = new String(buffer, position, i - position, StandardCharsets.ISO_8859_1);
                    position = i + 2;
                    return line;
                }
            }
            int scanned = limit - position;
            if (!compactAndFill()) {
                throw new EOFException("connection closed by the server");
            }
            // the last byte scanned may be the CR of a CRLF split across reads
            scan = position + Math.max(0, scanned - 1);
        }
    }

    private void fill() throws IOException {
        if (!compactAndFill()) {
            throw new EOFException("connection closed by the server");
        }
    }

    /** Moves unread bytes to the front and reads more; false at end of stream. */
    private boolean compactAndFill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            throw new IOException("response header line longer than the buffer");
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we no longer use
            }
        }
        socket = null;
        in = null;
        out = null;
        position = 0;
        limit = 0;
    }
}
