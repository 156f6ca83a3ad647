package org.resumen.digest.article;

/** Reading a feed failed as a whole; the message is the reason, ready to follow a source's name. */
final class FetchFailure extends Exception {
    FetchFailure(String reason) {
        super(reason);
    }

    FetchFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
