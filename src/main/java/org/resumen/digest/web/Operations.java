package org.resumen.digest.web;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** {@code /health} (the process answers) and {@code /ready} (and its database does too), for load balancers. */
final class Operations {
    private final DataSource database;

    Operations(DataSource database) {
        this.database = database;
    }

    void health(Context ctx) {
        ctx.contentType("application/json").result("{\"status\":\"up\"}");
    }

    void ready(Context ctx) {
        String problem = databaseProblem();
        if (problem == null) {
            ctx.contentType("application/json").result("{\"status\":\"ready\"}");
        } else {
            ctx.status(503).contentType("application/json").result("{\"status\":\"not ready\",\"database\":\""
                    + problem.replace("\\", "\\\\").replace("\"", "'") + "\"}");
        }
    }

    private String databaseProblem() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(2) ? null : "connection not valid";
        } catch (SQLException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
