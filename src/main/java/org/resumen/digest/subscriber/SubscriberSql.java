package org.resumen.digest.subscriber;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;

/** How the subscriber package's stores borrow a connection: alone or in one transaction, errors named by action. */
final class SubscriberSql {
    private SubscriberSql() {
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static <T> T withConnection(DataSource dataSource, String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    static <T> T inTransaction(DataSource dataSource, String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    private static DigestException failure(String action, SQLException e) {
        return new DigestException("subscribers: cannot " + action + ": " + e.getMessage(), e);
    }
}
