package org.resumen.digest.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.resumen.digest.App;

/** Reads what the delivery ledger recorded, with plain JDBC. */
public final class Deliveries {
    private Deliveries() {
    }

    /** Every delivery row of every edition, keyed by the subscriber's address. */
    public static Map<String, DeliveryRow> byEmail(App app) {
        String sql = "select s.email, d.status, d.attempts, d.smtp_reply, d.message_id"
                + " from deliveries d join subscribers s on s.id = d.subscriber_id order by d.id";
        Map<String, DeliveryRow> rows = new LinkedHashMap<>();
        try (Connection c = app.database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DeliveryRow row = new DeliveryRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5));
                if (rows.put(row.email(), row) != null) {
                    throw new IllegalStateException("two delivery rows for " + row.email());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the deliveries: " + e.getMessage(), e);
        }
    }
}
