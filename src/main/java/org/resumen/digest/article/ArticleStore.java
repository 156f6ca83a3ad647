package org.resumen.digest.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;
import org.resumen.digest.Text;

/** The {@code articles} and {@code sources} tables: new articles in, windows and id lists out. */
public final class ArticleStore {
    private static final String COLUMNS = "id, identity_key, source_name, url, title, summary, author, section, tags, "
            + "published_at, first_seen_at, reading_minutes, image_url, image_alt";
    private static final String INSERT = "insert into articles (identity_key, source_name, url, title, summary, author,"
            + " section, tags, published_at, first_seen_at, reading_minutes, image_url, image_alt)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String KNOWN = "select count(*) from articles where identity_key = ? or (url = ? and url <> '')";

    private final DataSource dataSource;

    public ArticleStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the articles not seen before (by identity key, or by canonical URL under another key).
     *
     * @return the stored ones, with their ids, in the given order
     */
    public List<Article> saveNew(List<Article> articles) {
        List<Article> saved = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Article article : articles) {
                if (!isKnown(c, article)) {
                    insert(c, article).ifPresent(saved::add);
                }
            }
        } catch (SQLException e) {
            throw failure("cannot save articles", e);
        }
        return saved;
    }

    /** Articles published after {@code fromExclusive} and at or before {@code toInclusive}, newest first. */
    public List<Article> publishedBetween(Instant fromExclusive, Instant toInclusive) {
        String sql = "select " + COLUMNS + " from articles where published_at > ? and published_at <= ?"
                + " order by published_at desc, id desc";
        return query(sql, List.of(utc(fromExclusive), utc(toInclusive)));
    }

    /** The articles with these ids, in the order given; unknown ids are left out. */
    public List<Article> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<Long, Article> found = new HashMap<>();
        for (Article article : query("select " + COLUMNS + " from articles where id in (" + marks + ")",
                List.copyOf(ids))) {
            found.put(article.id(), article);
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Remembers when a source was last fetched and why it failed ({@code null} when it worked). */
    public void recordFetch(String sourceName, String location, Instant at, String errorOrNull) {
        String error = errorOrNull == null ? null : cut(Text.line(errorOrNull), 2000);
        try (Connection c = dataSource.getConnection()) {
            int updated = execute(c, "update sources set location = ?, last_fetched_at = ?, last_error = ? where name = ?",
                    cut(location, 2000), utc(at), error, sourceName);
            if (updated == 0) {
                execute(c, "insert into sources (name, location, last_fetched_at, last_error) values (?, ?, ?, ?)",
                        sourceName, cut(location, 2000), utc(at), error);
            }
        } catch (SQLException e) {
            throw failure("cannot record the fetch of source \"" + sourceName + "\"", e);
        }
    }

    /** Remembers a fetch that worked, with the validators of the version read (sent back next time). */
    void recordRead(String sourceName, String location, Instant at, Validators validators) {
        recordFetch(sourceName, location, at, null);
        try (Connection c = dataSource.getConnection()) {
            execute(c, "update sources set etag = ?, last_modified = ? where name = ?",
                    validators.etag(), validators.lastModified(), sourceName);
        } catch (SQLException e) {
            throw failure("cannot record the fetch of source \"" + sourceName + "\"", e);
        }
    }

    /** The validators of the version of this source read last, {@link Validators#NONE} when none. */
    Validators validators(String sourceName) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select etag, last_modified from sources where name = ?")) {
            s.setString(1, sourceName);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Validators(rs.getString(1), rs.getString(2)) : Validators.NONE;
            }
        } catch (SQLException e) {
            throw failure("cannot read the fetch record of source \"" + sourceName + "\"", e);
        }
    }

    private static boolean isKnown(Connection c, Article article) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(KNOWN)) {
            s.setString(1, article.identityKey());
            s.setString(2, article.url());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static Optional<Article> insert(Connection c, Article a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, a.identityKey(), a.sourceName(), a.url(), a.title(), a.summary(), a.author(), a.section(),
                    String.join(";", a.tags()), utc(a.published()), utc(a.firstSeen()), a.readingMinutes(),
                    a.image() == null ? null : a.image().url(), a.image() == null ? null : a.image().alt());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return Optional.of(a.withId(keys.getLong("id")));
            }
        } catch (SQLException e) {
            // Another node stored the same article between our check and this insert (SQLSTATE 23505).
            if ("23505".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<Article> query(String sql, List<Object> parameters) {
        List<Article> articles = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters.toArray());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    articles.add(articleAt(rs));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read articles", e);
        }
        return articles;
    }

    private static Article articleAt(ResultSet rs) throws SQLException {
        String tags = rs.getString("tags");
        return new Article(rs.getLong("id"), rs.getString("identity_key"), rs.getString("source_name"),
                rs.getString("url"), rs.getString("title"), rs.getString("summary"), rs.getString("author"),
                rs.getString("section"), tags.isEmpty() ? List.of() : Arrays.asList(tags.split(";")),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getObject("first_seen_at", OffsetDateTime.class).toInstant(), rs.getInt("reading_minutes"),
                imageAt(rs));
    }

    private static ArticleImage imageAt(ResultSet rs) throws SQLException {
        String url = rs.getString("image_url");
        return url == null ? null : new ArticleImage(url, Objects.requireNonNullElse(rs.getString("image_alt"), ""));
    }

    private static int execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    // Every nullable column here is text; a typed null keeps PostgreSQL from guessing.
    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                s.setNull(i + 1, Types.VARCHAR);
            } else {
                s.setObject(i + 1, parameters[i]);
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static DigestException failure(String what, SQLException e) {
        return new DigestException("database: " + what + ": " + e.getMessage(), e);
    }
}
