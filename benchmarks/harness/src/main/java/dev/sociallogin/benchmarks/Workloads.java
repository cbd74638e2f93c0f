package dev.sociallogin.benchmarks;

import dev.sociallogin.benchmarks.HttpConnection.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workloads the driver knows. Each client (one connection, one thread) gets its own
 * {@link Operation} from {@link Workload#client}, which may first do setup requests (logins for
 * tokens) before the warm-up starts; the operation is then run again and again.
 *
 * <p>To add a workload: a class implementing {@link Workload} below and one line in {@link #create}.
 */
final class Workloads {

    static final List<String> ALL = List.of("floor", "me", "verify", "refresh", "login");

    private Workloads() {
    }

    static Workload create(String name, Args args) {
        return switch (name) {
            case "floor" -> new Floor();
            case "me" -> new Me(args.intValue("token-pool", 256));
            case "verify" -> new Verify(args.intValue("token-pool", 256));
            case "refresh" -> new Refresh();
            case "login" -> new Login(args.doubleValue("new-user-ratio", 0.5), args.longValue("known-users", 0));
            default -> throw new IllegalArgumentException("unknown workload " + name + "; known: " + ALL);
        };
    }

    /** A kind of traffic. */
    interface Workload {

        /** The per-client operation; may send setup requests on the client's connection first. */
        Operation client(Client client) throws IOException, Failure;

        /** HTTP requests per operation, for the report (a login is authorize + callback). */
        default int requestsPerOperation() {
            return 1;
        }
    }

    /** One operation: a request, or a few that belong together. Throws {@link Failure} on any non-2xx/3xx. */
    interface Operation {
        void run() throws IOException, Failure;
    }

    /** What one client has: its index, its connection, request builders, new Kakao ids, a random source. */
    static final class Client {
        final int index;
        final int clients;
        final HttpConnection http;
        final String hostHeader;
        final SplittableRandom random;
        private final AtomicLong nextNewId;

        Client(int index, int clients, HttpConnection http, String hostHeader, AtomicLong nextNewId, long seed) {
            this.index = index;
            this.clients = clients;
            this.http = http;
            this.hostHeader = hostHeader;
            this.nextNewId = nextNewId;
            this.random = new SplittableRandom(seed);
        }

        long newKakaoId() {
            return nextNewId.getAndIncrement();
        }

        byte[] get(String path, String... headers) {
            StringBuilder request = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(hostHeader).append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            return request.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        byte[] postJson(String path, String json) {
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            return request;
        }

        /** Sends and demands a 2xx/3xx answer; {@code step} names the request in error keys. */
        Response send(String step, byte[] request) throws IOException, Failure {
            Response response = http.exchange(request);
            if (!response.ok()) {
                throw Failure.of(step, response);
            }
            return response;
        }
    }

    /** The server's floor: the cheapest route there is, no token, no database. */
    static final class Floor implements Workload {
        @Override
        public Operation client(Client client) {
            byte[] request = client.get("/auth/providers");
            return () -> client.send("providers", request);
        }
    }

    /** {@code GET /api/users/me} with a Bearer access token, round-robin over this client's logins. */
    static final class Me implements Workload {
        private final int pool;

        Me(int pool) {
            this.pool = pool;
        }

        @Override
        public Operation client(Client client) throws IOException, Failure {
            List<byte[]> requests = new ArrayList<>();
            for (Logins.Session session : Logins.sessions(client, share(pool, client))) {
                requests.add(client.get("/api/users/me", "Authorization: Bearer " + session.access()));
            }
            int[] next = {0};
            return () -> client.send("me", requests.get(next[0]++ % requests.size()));
        }
    }

    /** {@code POST /auth/verify {"token": <access token>}}, round-robin over this client's logins. */
    static final class Verify implements Workload {
        private final int pool;

        Verify(int pool) {
            this.pool = pool;
        }

        @Override
        public Operation client(Client client) throws IOException, Failure {
            List<byte[]> requests = new ArrayList<>();
            for (Logins.Session session : Logins.sessions(client, share(pool, client))) {
                requests.add(client.postJson("/auth/verify", "{\"token\":\"" + session.access() + "\"}"));
            }
            int[] next = {0};
            return () -> client.send("verify", requests.get(next[0]++ % requests.size()));
        }
    }

    /**
     * A chain of rotations per client: {@code POST /auth/refresh {"refresh": <the last one>}} again
     * and again, each answer's refresh token presented next. A failed rotation ends the chain: the
     * next operation logs in again (a new family) and goes on from there.
     */
    static final class Refresh implements Workload {
        @Override
        public Operation client(Client client) throws IOException, Failure {
            String[] refresh = {Logins.login(client, client.newKakaoId()).refresh()};
            return () -> {
                if (refresh[0] == null) {
                    refresh[0] = Logins.login(client, client.newKakaoId()).refresh();
                }
                String presented = refresh[0];
                refresh[0] = null;
                Response response = client.send("refresh", client.postJson("/auth/refresh", "{\"refresh\":\"" + presented + "\"}"));
                refresh[0] = Logins.field(response.bodyText(), "refresh");
                if (refresh[0] == null) {
                    throw new Failure("refresh 200 without a refresh token");
                }
            };
        }
    }

    /**
     * The browser login: {@code GET /auth/kakao/authorize} (state from the Location, the oauthState
     * cookie) then {@code GET /auth/kakao/callback?code=...&state=...} with that cookie. A share
     * {@code newUserRatio} of logins is a Kakao user never seen (registration), the rest a user this
     * client logged in before or, with {@code knownUsers}, one of the users the data generator stored.
     */
    static final class Login implements Workload {
        private final double newUserRatio;
        private final long knownUsers;

        Login(double newUserRatio, long knownUsers) {
            if (newUserRatio < 0 || newUserRatio > 1) {
                throw new IllegalArgumentException("--new-user-ratio must be within 0..1");
            }
            this.newUserRatio = newUserRatio;
            this.knownUsers = knownUsers;
        }

        @Override
        public int requestsPerOperation() {
            return 2;
        }

        @Override
        public Operation client(Client client) {
            List<Long> mine = new ArrayList<>();
            return () -> {
                boolean fresh = client.random.nextDouble() < newUserRatio || (knownUsers == 0 && mine.isEmpty());
                long id;
                if (fresh) {
                    id = client.newKakaoId();
                } else if (knownUsers > 0) {
                    id = KakaoIds.seeded(1 + client.random.nextLong(knownUsers));
                } else {
                    id = mine.get(client.random.nextInt(mine.size()));
                }
                Logins.login(client, id);
                if (fresh && knownUsers == 0) {
                    mine.add(id);
                }
            };
        }
    }

    /** This client's part of a pool of {@code pool} logins, at least one. */
    private static int share(int pool, Client client) {
        return Math.max(1, (pool + client.clients - 1 - client.index) / client.clients);
    }
}
