package dev.sociallogin.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged service under concurrent logins and refreshes, killed with SIGKILL at a random
 * moment, restarted on the same store, then audited: every answer that was a 200 before the kill
 * must still be true afterwards. Repeated over several kills on one store.
 *
 * <p>What a 200 promised, and how the audit checks it after the restart:
 * <ul>
 *   <li>a registration: the account logs in again with "login success", the same id and username,
 *       and no other account ever gets that id;</li>
 *   <li>a login or refresh: its access token answers {@code /api/users/me} with exactly the id and
 *       username it was issued for (a token answering for someone else is the worst case);</li>
 *   <li>a rotation: the successor refresh token still works, and every rotated-away token is
 *       refused ({@code token_reused} or {@code token_revoked}), never valid again.</li>
 * </ul>
 * A request still in flight when the service died promised nothing: either outcome is accepted,
 * but it may never make an older token valid or hand out someone else's id.
 *
 * <p>Strict refresh reuse ({@code AUTH_REFRESH_REUSE_GRACE=PT0S}): with a grace, a rotated-away
 * token presented soon after a restart would rightly answer 200, hiding a lost rotation.
 */
final class CrashCampaign {

    private static final Logger log = LoggerFactory.getLogger(CrashCampaign.class);
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final int WORKERS = 4;
    private static final int MIN_ACKNOWLEDGED_BEFORE_KILL = 12;
    /** Accounts of earlier rounds logged in again at each audit, to catch a later crash losing older data. */
    private static final int OLDER_ACCOUNTS_PER_AUDIT = 20;

    private final String store;
    private final Map<String, String> env;
    private final KakaoFake kakao;
    private final Random random;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    /** user id → Kakao account it was first acknowledged for: a second account with that id is a reused id. */
    private final Map<Long, Long> accountByUserId = new ConcurrentHashMap<>();
    private final List<Account> olderAccounts = new ArrayList<>();
    private final Totals totals = new Totals();

    /**
     * @param store  named in the log lines
     * @param env    the service's environment (store, data directory); Kakao, port and strict reuse are added
     * @param seed   logged, so a failing run's kill moments and actions can be traced
     */
    CrashCampaign(String store, Map<String, String> env, KakaoFake kakao, long seed) {
        this.store = store;
        this.kakao = kakao;
        this.random = new Random(seed);
        Map<String, String> all = new HashMap<>(env);
        all.put("KAKAO_CLIENT_ID", KakaoFake.CLIENT_ID);
        all.put("KAKAO_AUTH_BASE_URL", kakao.baseUrl());
        all.put("KAKAO_API_BASE_URL", kakao.baseUrl());
        all.put("AUTH_REFRESH_REUSE_GRACE", "PT0S");
        // v1.1 rate limits count per client address: every request here comes from 127.0.0.1
        all.put("AUTH_RATE_LIMIT_LOGIN", "off");
        all.put("AUTH_RATE_LIMIT_REFRESH", "off");
        this.env = Map.copyOf(all);
        log.info("{}: crash campaign seed {}", store, seed);
    }

    /** What the campaign checked; {@link #violations} lists every broken promise. */
    record Totals(AtomicInteger kills, AtomicInteger registrations, AtomicInteger logins, AtomicInteger rotations,
            AtomicInteger accessTokens, AtomicInteger inFlight) {

        Totals() {
            this(new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger(),
                    new AtomicInteger());
        }

        int acknowledgedWrites() {
            return registrations.get() + logins.get() + rotations.get();
        }

        @Override
        public String toString() {
            return kills + " kills; acknowledged writes checked: " + acknowledgedWrites() + " (" + registrations
                    + " registrations, " + logins + " logins, " + rotations + " rotations), " + accessTokens
                    + " pre-crash access tokens resolved, " + inFlight + " requests in flight at the kills";
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    Totals totals() {
        return totals;
    }

    /** Runs {@code kills} rounds of load, SIGKILL, restart and audit; ends with the service stopped. */
    void run(int kills) throws Exception {
        ServiceProcess service = start();
        try {
            for (int round = 1; round <= kills; round++) {
                Load load = new Load(new Http(service.baseUrl()), round);
                load.start();
                // a random moment, but only once the load is past its cold first requests, so each kill has
                // acknowledged writes behind it and requests in flight
                load.awaitAcknowledged(MIN_ACKNOWLEDGED_BEFORE_KILL, Duration.ofSeconds(30));
                long killAfter = 100 + random.nextInt(1500);
                Thread.sleep(killAfter);
                service.kill();
                load.join();
                totals.kills.incrementAndGet();
                int inFlight = load.inFlight();
                totals.inFlight.addAndGet(inFlight);

                service = start();
                int before = violations.size();
                Totals roundTotals = audit(new Http(service.baseUrl()), load);
                log.info("{}: kill {} {} ms after the first {} answers: {} acknowledged writes checked ({} registrations, {} logins, {} rotations),"
                                + " {} access tokens, {} in flight; {} violations",
                        store, round, killAfter, MIN_ACKNOWLEDGED_BEFORE_KILL, roundTotals.acknowledgedWrites(), roundTotals.registrations,
                        roundTotals.logins, roundTotals.rotations, roundTotals.accessTokens, inFlight,
                        violations.size() - before);
            }
        } finally {
            service.close();
        }
        log.info("{}: {}", store, totals);
    }

    private ServiceProcess start() throws InterruptedException {
        ServiceProcess service = ServiceProcess.start(env);
        service.awaitHealthy(READY_WITHIN);
        return service;
    }

    private void violation(String what) {
        if (violations.size() < 1000) {
            violations.add(store + ": " + what);
        }
    }

    // ---------------------------------------------------------------- audit after the restart

    private Totals audit(Http http, Load load) {
        Totals round = new Totals();
        // access tokens first: the reuse probes below end sessions, and with them their access tokens
        for (Session session : load.sessions) {
            for (Issued access : session.accessTokens) {
                Http.Reply me = http.get("/api/users/me", "Authorization", "Bearer " + access.token);
                round.accessTokens.incrementAndGet();
                if (me.status() != 200) {
                    violation("access token acknowledged for user " + access.userId + "/" + access.username
                            + " refused after the restart: " + me);
                } else if (me.json().path("id").asLong() != access.userId
                        || !access.username.equals(me.json().path("username").asText())) {
                    violation("access token issued for user " + access.userId + "/" + access.username
                            + " answered for user " + me.json().path("id").asLong() + "/" + me.json().path("username").asText());
                }
            }
        }
        for (Session session : load.sessions) {
            auditRotations(http, session, round);
        }
        List<Account> accounts = new ArrayList<>(load.accounts);
        List<Account> older = new ArrayList<>(olderAccounts);
        Collections.shuffle(older, random);
        accounts.addAll(older.subList(0, Math.min(OLDER_ACCOUNTS_PER_AUDIT, older.size())));
        for (Account account : accounts) {
            auditAccount(http, account, round);
        }
        for (Account account : load.accounts) {
            if (account.userId != null) {
                olderAccounts.add(account);
            }
        }
        totals.registrations.addAndGet(round.registrations.get());
        totals.logins.addAndGet(round.logins.get());
        totals.rotations.addAndGet(round.rotations.get());
        totals.accessTokens.addAndGet(round.accessTokens.get());
        return round;
    }

    private void auditRotations(Http http, Session session, Totals round) {
        List<String> chain = session.refreshChain;
        String current = chain.get(chain.size() - 1);
        Http.Reply successor = refresh(http, current);
        round.logins.incrementAndGet();
        if (session.inFlight == null) {
            round.rotations.addAndGet(chain.size() - 1);
            if (successor.status() != 200) {
                violation("refresh token acknowledged by a 200 (rotation " + (chain.size() - 1) + " of its session) refused"
                        + " after the restart: " + successor);
            }
        } else if (successor.status() != 200 && !"token_reused".equals(codeOf(successor))) {
            // the rotation in flight at the kill may or may not have been kept; nothing else is right
            violation("refresh token whose rotation was in flight at the kill answered " + successor);
        }
        for (int i = chain.size() - 2; i >= 0; i--) {
            Http.Reply reused = refresh(http, chain.get(i));
            String code = codeOf(reused);
            if (reused.status() != 401 || !("token_reused".equals(code) || "token_revoked".equals(code))) {
                violation("refresh token rotated away by an acknowledged rotation answered " + reused);
            }
        }
    }

    private void auditAccount(Http http, Account account, Totals round) {
        Http.Reply login = login(http, account.kakaoId);
        if (login.status() != 200) {
            violation("login of Kakao account " + account.kakaoId + " after the restart answered " + login);
            return;
        }
        JsonNode user = login.json().path("user");
        long id = user.path("id").asLong();
        String username = user.path("username").asText();
        String message = login.json().path("message").asText();
        if (account.userId == null) {
            // registration in flight at the kill: either outcome, but with an id nobody else has
            claim(id, account.kakaoId);
            account.acknowledge(id, username);
            return;
        }
        round.registrations.incrementAndGet();
        if (!"login success".equals(message) || id != account.userId || !account.username.equals(username)) {
            violation("Kakao account " + account.kakaoId + " acknowledged as user " + account.userId + "/" + account.username
                    + " answered " + message + " as user " + id + "/" + username + " after the restart");
        }
    }

    /** Records that {@code id} belongs to {@code kakaoId}; another account already holding it is a reused id. */
    private void claim(long id, long kakaoId) {
        Long holder = accountByUserId.putIfAbsent(id, kakaoId);
        if (holder != null && holder != kakaoId) {
            violation("user id " + id + " acknowledged for Kakao account " + holder + " handed to Kakao account " + kakaoId);
        }
    }

    // ---------------------------------------------------------------- requests

    private Http.Reply login(Http http, long kakaoId) {
        return http.post("/auth/kakao/login", "{\"code\":\"" + kakao.codeFor(kakaoId) + "\"}");
    }

    private static Http.Reply refresh(Http http, String refreshToken) {
        return http.post("/auth/refresh", "{\"refresh\":\"" + refreshToken + "\"}");
    }

    private static String codeOf(Http.Reply reply) {
        try {
            return reply.code();
        } catch (AssertionError notJson) {
            return null;
        }
    }

    // ---------------------------------------------------------------- the load before a kill

    /** A Kakao account; {@code userId} is set once a 200 named it. */
    private static final class Account {
        final long kakaoId;
        volatile Long userId;
        volatile String username;

        Account(long kakaoId) {
            this.kakaoId = kakaoId;
        }

        void acknowledge(long id, String name) {
            userId = id;
            username = name;
        }
    }

    /** An access token and whom the 200 that carried it named. */
    private record Issued(String token, long userId, String username) {
    }

    /** A login's rotation family as the client saw it: acknowledged refresh tokens in order. */
    private static final class Session {
        final List<String> refreshChain = new ArrayList<>();
        final List<Issued> accessTokens = new ArrayList<>();
        /** The refresh token presented by a request that got no answer before the kill. */
        volatile String inFlight;
    }

    /** Workers logging in, registering and refreshing until the service dies under them. */
    private final class Load {
        final Http http;
        final int round;
        final List<Session> sessions = new CopyOnWriteArrayList<>();
        final List<Account> accounts = new CopyOnWriteArrayList<>();
        final AtomicBoolean dead = new AtomicBoolean();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger acknowledged = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();
        final List<Account> knownBefore;

        Load(Http http, int round) {
            this.http = http;
            this.round = round;
            this.knownBefore = List.copyOf(olderAccounts);
        }

        void start() {
            for (int i = 0; i < WORKERS; i++) {
                Random workerRandom = new Random(random.nextLong());
                Thread thread = new Thread(() -> work(workerRandom), "crash-load-" + round + "-" + i);
                threads.add(thread);
                thread.start();
            }
        }

        void join() throws InterruptedException {
            dead.set(true);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        int inFlight() {
            return inFlight.get();
        }

        void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (acknowledged.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        private void work(Random rnd) {
            List<Session> mine = new ArrayList<>();
            List<Account> myAccounts = new ArrayList<>();
            try {
                while (!dead.get()) {
                    int dice = rnd.nextInt(100);
                    if (mine.isEmpty() || dice < 20) {
                        register(mine, myAccounts);
                    } else if (dice < 35) {
                        List<Account> pool = rnd.nextBoolean() || knownBefore.isEmpty() ? myAccounts : knownBefore;
                        logIn(pool.get(rnd.nextInt(pool.size())), mine);
                    } else if (dice < 90) {
                        rotate(mine.get(rnd.nextInt(mine.size())));
                    } else {
                        Session session = mine.get(rnd.nextInt(mine.size()));
                        whoAmI(session.accessTokens.get(session.accessTokens.size() - 1));
                    }
                }
            } catch (UncheckedIOException killed) {
                // the service died under this request: its outcome is unknown, and so says its marker
                inFlight.incrementAndGet();
            }
        }

        private void register(List<Session> mine, List<Account> myAccounts) {
            Account account = new Account(kakao.newAccount("크래시" + round));
            accounts.add(account);
            Http.Reply reply = login(http, account.kakaoId);
            if (!ok(reply, "registration")) {
                return;
            }
            JsonNode user = reply.json().path("user");
            long id = user.path("id").asLong();
            String username = user.path("username").asText();
            if (!"register success".equals(reply.json().path("message").asText())) {
                violation("first login of a new Kakao account answered " + reply.json().path("message").asText());
            }
            claim(id, account.kakaoId);
            account.acknowledge(id, username);
            myAccounts.add(account);
            mine.add(newSession(reply, id, username));
        }

        private void logIn(Account account, List<Session> mine) {
            Http.Reply reply = login(http, account.kakaoId);
            if (!ok(reply, "login")) {
                return;
            }
            JsonNode user = reply.json().path("user");
            long id = user.path("id").asLong();
            String username = user.path("username").asText();
            if (!"login success".equals(reply.json().path("message").asText()) || id != account.userId
                    || !username.equals(account.username)) {
                violation("login of Kakao account " + account.kakaoId + " acknowledged as user " + account.userId + "/"
                        + account.username + " answered " + reply.json().path("message").asText() + " as " + id + "/" + username);
            }
            mine.add(newSession(reply, id, username));
        }

        private Session newSession(Http.Reply reply, long id, String username) {
            Session session = new Session();
            session.refreshChain.add(reply.json().path("token").path("refresh").asText());
            session.accessTokens.add(new Issued(reply.json().path("token").path("access").asText(), id, username));
            sessions.add(session);
            return session;
        }

        private void rotate(Session session) {
            String current = session.refreshChain.get(session.refreshChain.size() - 1);
            Issued first = session.accessTokens.get(0);
            session.inFlight = current;
            Http.Reply reply = refresh(http, current);
            if (!ok(reply, "refresh")) {
                return;
            }
            session.refreshChain.add(reply.json().path("refresh").asText());
            session.accessTokens.add(new Issued(reply.json().path("access").asText(), first.userId, first.username));
            session.inFlight = null;
        }

        private void whoAmI(Issued access) {
            Http.Reply me = http.get("/api/users/me", "Authorization", "Bearer " + access.token);
            if (ok(me, "who am I") && (me.json().path("id").asLong() != access.userId
                    || !access.username.equals(me.json().path("username").asText()))) {
                violation("before the kill, access token of " + access.userId + " answered for " + me.json().path("id"));
            }
        }

        /** A non-200 before the kill is a violation too (nothing here should fail on a healthy service). */
        private boolean ok(Http.Reply reply, String what) {
            if (reply.status() == 200) {
                acknowledged.incrementAndGet();
                return true;
            }
            if (!dead.get()) {
                violation("before the kill, " + what + " answered " + reply);
            }
            return false;
        }
    }
}
