package org.hygie.backend.sftp;

import java.nio.file.Path;
import org.hygie.repository.backend.RefusalException;

/**
 * The SSH server's host key is unknown, changed or revoked: the connection was refused. The message says why in
 * English; the parts ({@link #reason()}, {@link #host()}, the fingerprints, the known hosts file, the command that
 * records the key) let a face say it in the user's language.
 */
public final class HostKeyException extends RefusalException {
    private static final long serialVersionUID = 1L;

    /** Why the key was refused. */
    public enum Reason {
        /** No key on record for this host. */
        UNKNOWN,
        /** Another key is on record for this host: a reinstalled server, or an interception. */
        CHANGED,
        /** The key presented is marked {@code @revoked}. */
        REVOKED
    }

    private final Reason reason;
    private final String host;
    private final String presented;
    private final String recorded;
    private final Path knownHosts;
    private final String recordCommand;

    HostKeyException(Reason reason, String host, String presented, String recorded, Path knownHosts,
            String recordCommand, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.host = host;
        this.presented = presented;
        this.recorded = recorded;
        this.knownHosts = knownHosts;
        this.recordCommand = recordCommand;
    }

    /** A copy of a refusal, with the failure that revealed it as its cause. */
    HostKeyException withCause(Throwable cause) {
        return new HostKeyException(reason, host, presented, recorded, knownHosts, recordCommand, getMessage(), cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The host as the known hosts file names it: {@code nas.lan}, or {@code [nas.lan]:2222} for another port. */
    public String host() {
        return host;
    }

    /** The key the server presented: its type and SHA-256 fingerprint ({@code ssh-ed25519 SHA256:…}). */
    public String presented() {
        return presented;
    }

    /** For {@link Reason#CHANGED}: the key on record, type and fingerprint; otherwise null. */
    public String recorded() {
        return recorded;
    }

    /** The known hosts file that was read. */
    public Path knownHosts() {
        return knownHosts;
    }

    /**
     * The command that appends the server's keys to the known hosts file ({@code ssh-keyscan … >> FILE}), to be run
     * once the fingerprint has been checked with the server's administrator.
     */
    public String recordCommand() {
        return recordCommand;
    }
}
