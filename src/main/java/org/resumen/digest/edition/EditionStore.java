package org.resumen.digest.edition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;
import org.resumen.digest.article.Article;
import org.resumen.digest.article.ArticleStore;

/** Editions and their article lists in the database; an edition is written once and never changed. */
final class EditionStore {
    private final DataSource dataSource;
    private final ArticleStore articles;

    EditionStore(DataSource dataSource, ArticleStore articles) {
        this.dataSource = dataSource;
        this.articles = articles;
    }

    Optional<Edition> find(String newsletter, LocalDate date) {
        String sql = "select id, cutoff_at, window_start_at from editions where newsletter = ? and edition_date = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, newsletter);
            ps.setObject(2, date);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                return Optional.of(new Edition(id, newsletter, date, instant(rs, 2), instant(rs, 3),
                        articles.byIds(articleIds(c, id))));
            }
        } catch (SQLException e) {
            throw new DigestException("cannot read the edition of " + date + " from the database: " + e.getMessage(), e);
        }
    }

    /** When the edition was opened (frozen): the schedule's fire, or the moment of a send by hand. */
    Optional<Instant> openedAt(long editionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select created_at from editions where id = ?")) {
            ps.setLong(1, editionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(instant(rs, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DigestException("cannot read edition " + editionId + " from the database: " + e.getMessage(), e);
        }
    }

    /** Ids of the articles any edition of this newsletter carried (other than {@code date}'s own). */
    Set<Long> carriedArticleIds(String newsletter, LocalDate except) {
        String sql = "select ea.article_id from edition_articles ea join editions e on e.id = ea.edition_id"
                + " where e.newsletter = ? and e.edition_date <> ?";
        Set<Long> ids = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, newsletter);
            ps.setObject(2, except);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new DigestException("cannot read carried articles from the database: " + e.getMessage(), e);
        }
    }

    /**
     * Stores the edition with its articles in one transaction. When another process stored the
     * same (newsletter, date) first, that one wins and is returned: an edition is frozen once created.
     */
    Edition create(Edition edition, Instant createdAt) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id = insertEdition(c, edition, createdAt);
                insertArticles(c, id, edition.articles());
                c.commit();
                return new Edition(id, edition.newsletter(), edition.date(), edition.cutoff(), edition.windowStart(), edition.articles());
            } catch (SQLException e) {
                c.rollback();
                return find(edition.newsletter(), edition.date()).orElseThrow(() -> failure(edition, e));
            }
        } catch (SQLException e) {
            throw failure(edition, e);
        }
    }

    List<LocalDate> dates(String newsletter) {
        String sql = "select edition_date from editions where newsletter = ? order by edition_date";
        List<LocalDate> dates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, newsletter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dates.add(rs.getObject(1, LocalDate.class));
                }
            }
            return dates;
        } catch (SQLException e) {
            throw new DigestException("cannot list editions: " + e.getMessage(), e);
        }
    }

    private static long insertEdition(Connection c, Edition edition, Instant createdAt) throws SQLException {
        String sql = "insert into editions (newsletter, edition_date, cutoff_at, window_start_at, created_at) values (?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, edition.newsletter());
            ps.setObject(2, edition.date());
            ps.setObject(3, utc(edition.cutoff()));
            ps.setObject(4, utc(edition.windowStart()));
            ps.setObject(5, utc(createdAt));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertArticles(Connection c, long editionId, List<Article> list) throws SQLException {
        String sql = "insert into edition_articles (edition_id, article_id, position) values (?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < list.size(); i++) {
                ps.setLong(1, editionId);
                ps.setLong(2, list.get(i).id());
                ps.setInt(3, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<Long> articleIds(Connection c, long editionId) throws SQLException {
        String sql = "select article_id from edition_articles where edition_id = ? order by position";
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, editionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static DigestException failure(Edition edition, SQLException e) {
        return new DigestException("cannot store the edition of " + edition.date() + ": " + e.getMessage(), e);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
