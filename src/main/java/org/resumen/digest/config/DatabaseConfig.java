package org.resumen.digest.config;

/** JDBC connection settings ({@code database.*}). */
public record DatabaseConfig(String url, String username, String password) {
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", username=" + username + ", password=***]";
    }
}
