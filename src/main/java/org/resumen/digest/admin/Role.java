package org.resumen.digest.admin;

/** {@code EDITOR} previews, test-sends and reads logs and sources; {@code ADMIN} also sends to everyone and manages accounts. */
public enum Role {
    EDITOR, ADMIN;

    public boolean mayManage() {
        return this == ADMIN;
    }
}
