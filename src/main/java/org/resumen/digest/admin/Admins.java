package org.resumen.digest.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.resumen.digest.DigestException;
import org.resumen.digest.RefusedException;
import org.resumen.digest.subscriber.Emails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin accounts in the {@code admins} table: add, list, remove, and check a password. */
public final class Admins {
    private static final Logger LOG = LoggerFactory.getLogger(Admins.class);

    private final DataSource dataSource;
    private final Passwords passwords;
    private final Clock clock;

    public Admins(DataSource dataSource, Passwords passwords, Clock clock) {
        this.dataSource = dataSource;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Adds an account; a bad address, a weak password or an address already there is a {@link RefusedException} saying so. */
    public Admin add(String email, String password, Role role) {
        String address = normalise(email);
        Emails.problem(address).ifPresent(problem -> {
            throw new RefusedException("admin " + problem, "web.refused.admin.email", address);
        });
        Passwords.problem(password).ifPresent(problem -> {
            throw new RefusedException("admin " + address + ": " + problem, "web.admin.setup.weak");
        });
        if (find(address).isPresent()) {
            throw new RefusedException("admin " + address + " already exists; remove it first to change its role or password",
                    "web.refused.admin.exists", address);
        }
        String hash = passwords.hash(password);
        long id = withConnection("add an admin", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into admins (email, password_hash, role, created_at) values (?, ?, ?, ?)", new String[] {"id"})) {
                insert.setString(1, address);
                insert.setString(2, hash);
                insert.setString(3, role.name());
                insert.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        LOG.info("Admin {} added ({})", Emails.mask(address), role);
        return new Admin(id, address, role);
    }

    public List<Admin> list() {
        return withConnection("list admins", connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, email, role from admins order by email");
                 ResultSet rs = select.executeQuery()) {
                List<Admin> admins = new ArrayList<>();
                while (rs.next()) {
                    admins.add(new Admin(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))));
                }
                return admins;
            }
        });
    }

    public boolean any() {
        return !list().isEmpty();
    }

    /** Removes the account; true when there was one. */
    public boolean remove(String email) {
        boolean removed = withConnection("remove an admin", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from admins where email = ?")) {
                delete.setString(1, normalise(email));
                return delete.executeUpdate() > 0;
            }
        });
        LOG.info("Admin {} {}", Emails.mask(email), removed ? "removed" : "not found");
        return removed;
    }

    /**
     * Removes the account {@code email} on behalf of {@code actor}, signed in: never the actor's own
     * account (they would lock themselves out mid-session) and never the last account with the admin
     * role (nobody could manage accounts any more). Those, and an unknown address, are a
     * {@link RefusedException} saying so; returns the removed account.
     */
    public Admin removeBy(Admin actor, String email) {
        String address = normalise(email);
        Admin target = find(address).map(Stored::admin)
                .orElseThrow(() -> new RefusedException("admin " + address + " does not exist; nothing removed",
                        "web.refused.admin.unknown", address));
        if (target.id() == actor.id()) {
            throw new RefusedException("admin " + address + " is you; another admin must remove your account",
                    "web.refused.admin.self", address);
        }
        if (target.role() == Role.ADMIN && list().stream().filter(a -> a.role() == Role.ADMIN).count() <= 1) {
            throw new RefusedException("admin " + address + " is the last account with the admin role; add another admin first",
                    "web.refused.admin.last", address);
        }
        remove(address);
        return target;
    }

    public Optional<Admin> byId(long id) {
        return list().stream().filter(admin -> admin.id() == id).findFirst();
    }

    /** The account when {@code password} is its password; an unknown address costs the same bcrypt time. */
    public Optional<Admin> authenticate(String email, String password) {
        Optional<Stored> stored = find(normalise(email));
        boolean ok = passwords.matches(password, stored.map(Stored::hash).orElse(null));
        return ok ? stored.map(Stored::admin) : Optional.empty();
    }

    private record Stored(Admin admin, String hash) {
    }

    private Optional<Stored> find(String email) {
        return withConnection("read an admin", connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, email, role, password_hash from admins where email = ?")) {
                select.setString(1, email);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Stored(new Admin(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))), rs.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    private <T> T withConnection(String action, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DigestException("admins: cannot " + action + ": " + e.getMessage(), e);
        }
    }

    private static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
