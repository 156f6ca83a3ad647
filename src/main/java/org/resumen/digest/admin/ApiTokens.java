package org.resumen.digest.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;
import org.resumen.digest.RefusedException;
import org.resumen.digest.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens of the REST API in the {@code api_tokens} table. A token is 256 random bits, shown
 * once when created; only its SHA-256 is stored. A slow password hash buys nothing here: nobody can
 * guess 256 random bits, so a fast hash is enough to make a copy of the table useless, and it lets a
 * request look its token up by hash (one indexed query, no comparison that leaks timing).
 */
public final class ApiTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
    private static final int MAX_NAME = 100;

    private final DataSource dataSource;
    private final Clock clock;

    public ApiTokens(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A token as listed: never its value. {@code revokedAt} is null while it works. */
    public record ApiToken(long id, String name, Instant createdAt, Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A token just created: {@code token} is the only time its value is seen. */
    public record Created(ApiToken listed, String token) {
    }

    /** Creates a token named {@code name} (what it is for: "cms", "zapier"); an empty or over-long name is refused. */
    public Created create(String name) {
        String label = Text.line(name == null ? "" : name).trim();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new RefusedException("token name: expected 1 to " + MAX_NAME + " characters saying what the token is for, got \""
                    + label + "\"", "web.refused.token.name", MAX_NAME);
        }
        String token = AdminSessions.randomToken();
        Instant now = clock.instant();
        long id = withConnection("create an API token", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into api_tokens (name, token_hash, created_at) values (?, ?, ?)", new String[] {"id"})) {
                insert.setString(1, label);
                insert.setString(2, hash(token));
                insert.setObject(3, utc(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        LOG.info("API token {} \"{}\" created", id, label);
        return new Created(new ApiToken(id, label, now, null), token);
    }

    public List<ApiToken> list() {
        return withConnection("list API tokens", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, name, created_at, revoked_at from api_tokens order by id");
                 ResultSet rs = select.executeQuery()) {
                List<ApiToken> tokens = new ArrayList<>();
                while (rs.next()) {
                    tokens.add(read(rs));
                }
                return tokens;
            }
        });
    }

    /** Revokes the token with this id; true when it was working until now. */
    public boolean revoke(long id) {
        boolean revoked = withConnection("revoke an API token", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update api_tokens set revoked_at = ? where id = ? and revoked_at is null")) {
                update.setObject(1, utc(clock.instant()));
                update.setLong(2, id);
                return update.executeUpdate() > 0;
            }
        });
        LOG.info("API token {} {}", id, revoked ? "revoked" : "was not working (unknown or already revoked)");
        return revoked;
    }

    /** The working token whose value is {@code token}; empty for a missing, unknown or revoked one. */
    public Optional<ApiToken> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        // Looked up by its hash: the database compares hashes, so the time taken says nothing about the token.
        return withConnection("check an API token", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, name, created_at, revoked_at from api_tokens where token_hash = ? and revoked_at is null")) {
                select.setString(1, hash(token));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static ApiToken read(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject(4, OffsetDateTime.class);
        return new ApiToken(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private <T> T withConnection(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DigestException("API tokens: cannot " + action + ": " + e.getMessage(), e);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
