package dev.sociallogin.bootstrap.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service's configuration, read once at start from environment variables and JVM system
 * properties of the same names (the system property wins: it is the more specific, per-run
 * setting). Every value is parsed and checked here, so a bad one stops start-up with a
 * {@link ConfigurationException} naming the variable, before anything is opened.
 *
 * <p>An empty value counts as unset. Names and defaults are those of the API contract.
 */
public final class Settings {

    public static final String AUTH_HTTP_PORT = "AUTH_HTTP_PORT";
    public static final String AUTH_DATA_DIR = "AUTH_DATA_DIR";
    public static final String AUTH_DB_URL = "AUTH_DB_URL";
    public static final String AUTH_DB_USER = "AUTH_DB_USER";
    public static final String AUTH_DB_PASSWORD = "AUTH_DB_PASSWORD";
    public static final String AUTH_JWT_SECRET = "AUTH_JWT_SECRET";
    public static final String AUTH_JWT_ISSUER = "AUTH_JWT_ISSUER";
    public static final String AUTH_ACCESS_TOKEN_TTL = "AUTH_ACCESS_TOKEN_TTL";
    public static final String AUTH_REFRESH_TOKEN_TTL = "AUTH_REFRESH_TOKEN_TTL";
    public static final String AUTH_REFRESH_REUSE_GRACE = "AUTH_REFRESH_REUSE_GRACE";
    public static final String AUTH_SESSION_MAX_LIFETIME = "AUTH_SESSION_MAX_LIFETIME";
    public static final String AUTH_COOKIE_SECURE = "AUTH_COOKIE_SECURE";
    public static final String AUTH_COOKIE_SAMESITE = "AUTH_COOKIE_SAMESITE";
    public static final String AUTH_COOKIE_DOMAIN = "AUTH_COOKIE_DOMAIN";
    public static final String AUTH_TOKENS_IN_BODY = "AUTH_TOKENS_IN_BODY";
    public static final String AUTH_CORS_ALLOWED_ORIGINS = "AUTH_CORS_ALLOWED_ORIGINS";
    public static final String AUTH_LOGIN_REDIRECT_URL = "AUTH_LOGIN_REDIRECT_URL";
    public static final String KAKAO_CLIENT_ID = "KAKAO_CLIENT_ID";
    public static final String KAKAO_CLIENT_SECRET = "KAKAO_CLIENT_SECRET";
    public static final String KAKAO_APP_ID = "KAKAO_APP_ID";
    public static final String KAKAO_REDIRECT_URI = "KAKAO_REDIRECT_URI";
    public static final String KAKAO_AUTH_BASE_URL = "KAKAO_AUTH_BASE_URL";
    public static final String KAKAO_API_BASE_URL = "KAKAO_API_BASE_URL";

    /** Every name this class reads, in the contract's order. */
    public static final List<String> NAMES = List.of(AUTH_HTTP_PORT, AUTH_DATA_DIR, AUTH_DB_URL, AUTH_DB_USER, AUTH_DB_PASSWORD,
            AUTH_JWT_SECRET, AUTH_JWT_ISSUER, AUTH_ACCESS_TOKEN_TTL, AUTH_REFRESH_TOKEN_TTL, AUTH_REFRESH_REUSE_GRACE,
            AUTH_SESSION_MAX_LIFETIME, AUTH_COOKIE_SECURE, AUTH_COOKIE_SAMESITE, AUTH_COOKIE_DOMAIN, AUTH_TOKENS_IN_BODY,
            AUTH_CORS_ALLOWED_ORIGINS, AUTH_LOGIN_REDIRECT_URL, KAKAO_CLIENT_ID, KAKAO_CLIENT_SECRET, KAKAO_APP_ID,
            KAKAO_REDIRECT_URI, KAKAO_AUTH_BASE_URL, KAKAO_API_BASE_URL);

    /** Names whose values are never written anywhere, not even when they are wrong. */
    public static final Set<String> SECRETS = Set.of(AUTH_JWT_SECRET, AUTH_DB_PASSWORD, KAKAO_CLIENT_SECRET);

    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    /** SameSite attribute of the token cookies. */
    public enum SameSite {
        NONE("None"), LAX("Lax"), STRICT("Strict");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }

        /** As written in a Set-Cookie header. */
        public String attribute() {
            return attribute;
        }
    }

    private final int httpPort;
    private final Path dataDir;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String jwtSecret;
    private final String jwtIssuer;
    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;
    private final Duration refreshReuseGrace;
    private final Duration sessionMaxLifetime;
    private final boolean cookieSecure;
    private final SameSite cookieSameSite;
    private final String cookieDomain;
    private final boolean tokensInBody;
    private final List<String> corsAllowedOrigins;
    private final URI loginRedirectUrl;
    private final String kakaoClientId;
    private final String kakaoClientSecret;
    private final String kakaoAppId;
    private final URI kakaoRedirectUri;
    private final URI kakaoAuthBaseUrl;
    private final URI kakaoApiBaseUrl;

    private Settings(Reader in) {
        httpPort = in.port(AUTH_HTTP_PORT, 8080);
        dataDir = in.path(AUTH_DATA_DIR, "./data");
        dbUrl = in.jdbcUrl(AUTH_DB_URL);
        dbUser = in.text(AUTH_DB_USER, "");
        dbPassword = in.text(AUTH_DB_PASSWORD, "");
        jwtSecret = in.secret(AUTH_JWT_SECRET);
        jwtIssuer = in.text(AUTH_JWT_ISSUER, "social-login");
        accessTokenTtl = in.duration(AUTH_ACCESS_TOKEN_TTL, "PT5H", Duration.ofSeconds(1));
        refreshTokenTtl = in.duration(AUTH_REFRESH_TOKEN_TTL, "P7D", Duration.ofSeconds(1));
        refreshReuseGrace = in.duration(AUTH_REFRESH_REUSE_GRACE, "PT10S", Duration.ZERO);
        sessionMaxLifetime = in.duration(AUTH_SESSION_MAX_LIFETIME, "P30D", Duration.ofSeconds(1));
        cookieSecure = in.bool(AUTH_COOKIE_SECURE, true);
        cookieSameSite = in.sameSite(AUTH_COOKIE_SAMESITE);
        cookieDomain = in.cookieDomain(AUTH_COOKIE_DOMAIN);
        tokensInBody = in.bool(AUTH_TOKENS_IN_BODY, true);
        corsAllowedOrigins = in.origins(AUTH_CORS_ALLOWED_ORIGINS);
        loginRedirectUrl = in.redirectUrl(AUTH_LOGIN_REDIRECT_URL);
        kakaoClientId = in.text(KAKAO_CLIENT_ID, null);
        kakaoClientSecret = in.text(KAKAO_CLIENT_SECRET, null);
        kakaoAppId = in.digits(KAKAO_APP_ID);
        kakaoRedirectUri = in.httpUrl(KAKAO_REDIRECT_URI, "http://localhost:8080/auth/kakao/callback");
        kakaoAuthBaseUrl = in.httpUrl(KAKAO_AUTH_BASE_URL, "https://kauth.kakao.com");
        kakaoApiBaseUrl = in.httpUrl(KAKAO_API_BASE_URL, "https://kapi.kakao.com");
    }

    /** Settings that start but are likely mistakes, worth a warning in the log. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (refreshTokenTtl.compareTo(sessionMaxLifetime) > 0) {
            warnings.add("AUTH_REFRESH_TOKEN_TTL is longer than AUTH_SESSION_MAX_LIFETIME: refresh tokens end with their session");
        }
        return warnings;
    }

    /** Reads the given variables (tests pass a map; the service passes {@link #environment()}). */
    public static Settings from(Map<String, String> variables) {
        return new Settings(new Reader(Map.copyOf(withoutNulls(variables))));
    }

    /** Environment variables, overridden by JVM system properties of the same names. */
    public static Map<String, String> environment() {
        Map<String, String> merged = new HashMap<>();
        for (String name : NAMES) {
            String value = System.getProperty(name, System.getenv(name));
            if (value != null) {
                merged.put(name, value);
            }
        }
        return merged;
    }

    private static Map<String, String> withoutNulls(Map<String, String> variables) {
        Map<String, String> copy = new HashMap<>();
        variables.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The configured JDBC URL; empty: the embedded H2 database under {@link #dataDir()}. */
    public Optional<String> dbUrl() {
        return Optional.ofNullable(dbUrl);
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    /**
     * The configured HS256 secret (at least 32 bytes of UTF-8, or Base64 of at least 32 bytes);
     * empty: use the key file in the data directory.
     */
    public Optional<String> jwtSecret() {
        return Optional.ofNullable(jwtSecret);
    }

    public String jwtIssuer() {
        return jwtIssuer;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    public Duration refreshReuseGrace() {
        return refreshReuseGrace;
    }

    public Duration sessionMaxLifetime() {
        return sessionMaxLifetime;
    }

    public boolean cookieSecure() {
        return cookieSecure;
    }

    public SameSite cookieSameSite() {
        return cookieSameSite;
    }

    public Optional<String> cookieDomain() {
        return Optional.ofNullable(cookieDomain);
    }

    public boolean tokensInBody() {
        return tokensInBody;
    }

    /** Origins ({@code scheme://host[:port]}, no trailing slash) allowed to call with credentials. */
    public List<String> corsAllowedOrigins() {
        return corsAllowedOrigins;
    }

    public Optional<URI> loginRedirectUrl() {
        return Optional.ofNullable(loginRedirectUrl);
    }

    /** Set: the Kakao provider is enabled. */
    public Optional<String> kakaoClientId() {
        return Optional.ofNullable(kakaoClientId);
    }

    public Optional<String> kakaoClientSecret() {
        return Optional.ofNullable(kakaoClientSecret);
    }

    public Optional<String> kakaoAppId() {
        return Optional.ofNullable(kakaoAppId);
    }

    public URI kakaoRedirectUri() {
        return kakaoRedirectUri;
    }

    public URI kakaoAuthBaseUrl() {
        return kakaoAuthBaseUrl;
    }

    public URI kakaoApiBaseUrl() {
        return kakaoApiBaseUrl;
    }

    @Override
    public String toString() {
        // no secret, no database URL (it may carry a password)
        return "Settings[port=" + httpPort + ", dataDir=" + dataDir + ", db=" + (dbUrl == null ? "embedded" : "external")
                + ", issuer=" + jwtIssuer + ", accessTtl=" + accessTokenTtl + ", refreshTtl=" + refreshTokenTtl
                + ", grace=" + refreshReuseGrace + ", sessionMax=" + sessionMaxLifetime + ", tokensInBody=" + tokensInBody
                + ", kakao=" + (kakaoClientId != null) + "]";
    }

    /** Parses one variable at a time; every failure names the variable and never repeats its value. */
    private static final class Reader {

        private final Map<String, String> values;

        Reader(Map<String, String> values) {
            this.values = values;
        }

        /** The trimmed value, or {@code null} when unset or empty. */
        private String raw(String name) {
            String value = values.get(name);
            if (value == null) {
                return null;
            }
            // secrets and passwords are taken as given; everything else ignores surrounding blanks
            String v = SECRETS.contains(name) ? value : value.strip();
            return v.isEmpty() ? null : v;
        }

        String text(String name, String fallback) {
            String value = raw(name);
            return value == null ? fallback : value;
        }

        int port(String name, int fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigurationException(name, "not a TCP port number (0-65535)");
        }

        Path path(String name, String fallback) {
            String value = text(name, fallback);
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new ConfigurationException(name, "not a usable directory path");
            }
        }

        String jdbcUrl(String name) {
            String value = raw(name);
            String lower = value == null ? "" : value.toLowerCase(Locale.ROOT);
            if (value != null && !lower.startsWith("jdbc:mysql:") && !lower.startsWith("jdbc:h2:")) {
                throw new ConfigurationException(name, "not a supported JDBC URL (expected jdbc:mysql://host:3306/db, or jdbc:h2: for tests)");
            }
            return value;
        }

        String secret(String name) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new ConfigurationException(name, "too weak: an HS256 secret needs at least " + MIN_SECRET_BYTES
                        + " bytes (256 bits); unset it to have a random key generated in AUTH_DATA_DIR");
            }
            return value;
        }

        Duration duration(String name, String fallback, Duration minimum) {
            String value = text(name, fallback);
            Duration duration;
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new ConfigurationException(name, "not an ISO-8601 duration (examples: PT5H, P7D, PT10S)");
            }
            if (duration.compareTo(minimum) < 0) {
                throw new ConfigurationException(name, minimum.isZero() ? "must not be negative" : "must be at least " + minimum);
            }
            return duration;
        }

        boolean bool(String name, boolean fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    throw new ConfigurationException(name, "must be true or false");
            }
        }

        SameSite sameSite(String name) {
            String value = text(name, "None");
            for (SameSite sameSite : SameSite.values()) {
                if (sameSite.attribute().equalsIgnoreCase(value)) {
                    return sameSite;
                }
            }
            throw new ConfigurationException(name, "must be None, Lax or Strict");
        }

        String cookieDomain(String name) {
            String value = raw(name);
            if (value != null && !value.matches("\\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
                throw new ConfigurationException(name, "not a domain name");
            }
            return value;
        }

        List<String> origins(String name) {
            String value = raw(name);
            if (value == null) {
                return List.of();
            }
            List<String> origins = new ArrayList<>();
            for (String part : value.split(",")) {
                String origin = part.strip();
                if (origin.isEmpty()) {
                    continue;
                }
                if (origin.equals("*")) {
                    throw new ConfigurationException(name, "a wildcard cannot be allowed with credentials; list the origins");
                }
                if (origin.endsWith("/")) {
                    origin = origin.substring(0, origin.length() - 1);
                }
                URI uri = uri(name, origin);
                boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
                if (!http || uri.getHost() == null || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                        || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    throw new ConfigurationException(name, "every entry must be an origin such as https://app.example.com");
                }
                origins.add(origin.toLowerCase(Locale.ROOT));
            }
            return List.copyOf(origins);
        }

        URI redirectUrl(String name) {
            String value = raw(name);
            return value == null ? null : httpUrl(name, value);
        }

        URI httpUrl(String name, String fallback) {
            String value = text(name, fallback);
            URI uri = uri(name, value);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new ConfigurationException(name, "must be an absolute http(s) URL");
            }
            return uri;
        }

        String digits(String name) {
            String value = raw(name);
            if (value != null && !value.matches("[0-9]{1,19}")) {
                throw new ConfigurationException(name, "must be the numeric app id shown in Kakao Developers");
            }
            return value;
        }

        private static URI uri(String name, String value) {
            try {
                return new URI(value);
            } catch (URISyntaxException e) {
                throw new ConfigurationException(name, "not a valid URL");
            }
        }
    }
}
