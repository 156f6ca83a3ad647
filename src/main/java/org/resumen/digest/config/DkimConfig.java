package org.resumen.digest.config;

/**
 * DKIM signing ({@code dkim.*}); an empty domain means no signing. {@code privateKey} is a path to a
 * PKCS#8 PEM file, or the PEM itself (from {@code DIGEST_DKIM_PRIVATE_KEY}).
 */
public record DkimConfig(String domain, String selector, String privateKey) {
    public boolean enabled() {
        return domain != null && !domain.isBlank();
    }

    @Override
    public String toString() {
        return "DkimConfig[domain=" + domain + ", selector=" + selector + ", privateKey="
                + (privateKey.contains("-----BEGIN") ? "(PEM from the environment)" : privateKey) + "]";
    }
}
