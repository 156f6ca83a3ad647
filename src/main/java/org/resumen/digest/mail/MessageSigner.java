package org.resumen.digest.mail;

import org.resumen.digest.config.DkimConfig;

/** Signs a finished message: takes its wire bytes, returns them with the signature header in front. */
public interface MessageSigner {
    /** No signature: the bytes as they are ({@code dkim.domain} empty). */
    MessageSigner NONE = message -> message;

    byte[] sign(byte[] message);

    /** The signer {@code dkim.*} asks for; the key is read and checked here, once. */
    static MessageSigner forConfig(DkimConfig dkim) {
        return dkim.enabled() ? new DkimSigner(dkim.domain(), dkim.selector(), DkimKey.load(dkim)) : NONE;
    }
}
