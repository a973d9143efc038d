package org.hygie.repository.crypto;

/** An encrypted object that does not verify: wrong key, or damaged bytes. */
public final class CryptoException extends Exception {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }
}
