package org.resumen.digest.admin;

/** An admin account; {@code email} is stored lower-cased. */
public record Admin(long id, String email, Role role) {
}
