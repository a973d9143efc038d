/**
 * The local file system as restic sees it (Linux first): {@link org.hygie.backup.fs.NodeReader} turns a path's
 * metadata into a tree {@link org.hygie.repository.tree.Node} identical to restic 0.14's, and
 * {@link org.hygie.backup.fs.RawPaths} gives the raw bytes of names and symlink targets.
 *
 * <p><b>Names that are not UTF-8.</b> Java paths carry raw bytes but show them as text decoded with the platform
 * charset. Names and link targets are taken as bytes ({@code RawPaths}), so a file named {@code bad\xff} gets the
 * node name {@code bad\xff} exactly as restic stores it. A symlink target that is not UTF-8 is kept as bytes too;
 * restic 0.14 itself writes it with {@code \u005Cufffd} in place of each bad byte (and so does the encoder).
 *
 * <p>Known gaps with restic, each documented where it lives: only {@code user.*} extended attributes (no ACLs, no
 * SELinux labels); times outside 1678–2261 keep microseconds only; user and group names through NSS.
 * Walking directories, excludes and skipping sockets (restic 0.14 does not store them) are the archiver's job.
 */
package org.hygie.backup.fs;
