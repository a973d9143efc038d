package org.hygie.repository.error;

/** What went wrong, in terms a user can act on. The command line maps each to a message and an exit code. */
public enum Problem {
    /** No repository at that location (no config file, or the location does not exist). */
    NO_REPOSITORY,
    /** A repository already exists where one was to be created. */
    ALREADY_EXISTS,
    /** No key file opens with this password. */
    WRONG_PASSWORD,
    /** The config names a repository version this program does not know. */
    UNSUPPORTED_VERSION,
    /** A file of the repository is damaged (does not decrypt, does not parse, wrong hash). */
    CORRUPTED,
    /** Another process holds a conflicting lock. */
    LOCKED,
    /** A snapshot, blob or path that was asked for is not there, or an id prefix is ambiguous. */
    NOT_FOUND,
    /** Reading or writing the storage failed. */
    IO,
    /** The storage refuses deletion (an append-only server): forget and prune cannot run there, by design. */
    APPEND_ONLY
}
