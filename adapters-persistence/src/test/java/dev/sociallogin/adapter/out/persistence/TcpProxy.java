package dev.sociallogin.adapter.out.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the pool and the database server, to cut the connection for real: {@link #cut()}
 * resets every open connection and refuses new ones (the server went away); {@link #blackhole()} keeps
 * sockets open but forwards nothing (a dead network: only timeouts notice); {@link #restore()} relays
 * again for new connections.
 */
final class TcpProxy implements AutoCloseable {

    enum Mode { RELAY, CUT, BLACKHOLE }

    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.RELAY;

    TcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void cut() {
        mode = Mode.CUT;
        closeAll();
    }

    void blackhole() {
        mode = Mode.BLACKHOLE;
    }

    void restore() {
        // connections held open by the blackhole are dead for the pool anyway: drop them
        if (mode == Mode.BLACKHOLE) {
            closeAll();
        }
        mode = Mode.RELAY;
    }

    @Override
    public void close() throws IOException {
        mode = Mode.CUT;
        server.close();
        closeAll();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                switch (mode) {
                    case CUT -> reset(client);
                    case BLACKHOLE -> sockets.add(client);
                    case RELAY -> relay(client);
                }
            } catch (IOException e) {
                // server closed, or one connection failed: the next accept decides
            }
        }
    }

    private void relay(Socket client) throws IOException {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), 2000);
        } catch (IOException e) {
            reset(client);
            upstream.close();
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (mode == Mode.RELAY) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                    // CUT closes the sockets; BLACKHOLE swallows the bytes
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeAll() {
        for (Socket socket : sockets) {
            reset(socket);
        }
        sockets.clear();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // RST, as when the server host dies
        } catch (IOException e) {
            // closing anyway
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
