package org.resumen.digest.web;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.resumen.digest.ops.ServiceMetrics;

/**
 * {@code /health} (the process answers), {@code /ready} (its database answers too, and its scheduler
 * runs) for load balancers and service managers, and {@code /metrics} for Prometheus.
 */
final class Operations {
    private final DataSource database;
    private final BooleanSupplier schedulerRunning;
    private final ServiceMetrics metrics;

    /** {@code schedulerRunning} null: no scheduler in this process, so readiness is the database's alone. */
    Operations(DataSource database, BooleanSupplier schedulerRunning, ServiceMetrics metrics) {
        this.database = database;
        this.schedulerRunning = schedulerRunning;
        this.metrics = metrics;
    }

    void health(Context ctx) {
        ctx.contentType("application/json").result("{\"status\":\"up\"}");
    }

    void ready(Context ctx) {
        String problem = databaseProblem();
        if (problem != null) {
            ctx.status(503).contentType("application/json").result("{\"status\":\"not ready\",\"database\":\""
                    + problem.replace("\\", "\\\\").replace("\"", "'") + "\"}");
        } else if (schedulerRunning != null && !schedulerRunning.getAsBoolean()) {
            ctx.status(503).contentType("application/json").result("{\"status\":\"not ready\",\"scheduler\":\"not running\"}");
        } else {
            ctx.contentType("application/json").result("{\"status\":\"ready\"}");
        }
    }

    void metrics(Context ctx) {
        ctx.contentType(ServiceMetrics.CONTENT_TYPE).result(metrics.scrape());
    }

    private String databaseProblem() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(2) ? null : "connection not valid";
        } catch (SQLException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
