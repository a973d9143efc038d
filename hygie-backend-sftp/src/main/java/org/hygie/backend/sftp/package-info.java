/**
 * Repositories on an SSH server (a NAS) through SFTP, with Apache MINA SSHD, at {@code sftp:user@host:/path} or
 * {@code sftp://user@host:port//path} as restic writes them ({@link org.hygie.backend.sftp.SftpLocation}).
 * <p>
 * Found by {@link org.hygie.repository.backend.Locations} through {@link org.hygie.backend.sftp.SftpBackendProvider}.
 * Login with a private key ({@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}, or {@code HYGIE_SFTP_KEY};
 * passphrase in {@code HYGIE_SFTP_KEY_PASSPHRASE}) and/or a password ({@code HYGIE_SFTP_PASSWORD}, environment
 * only). The server's host key must be recorded in {@code ~/.ssh/known_hosts} (or {@code HYGIE_SFTP_KNOWN_HOSTS}):
 * an unknown, changed or revoked key is refused with a {@link org.hygie.backend.sftp.HostKeyException} that gives
 * the fingerprint, and nothing is ever added to that file. See {@link org.hygie.backend.sftp.SftpSettings}.
 */
package org.hygie.backend.sftp;
