/**
 * Trees and nodes: restic 0.14's tree blob JSON, byte for byte (reference {@code restic-format.md} §10).
 *
 * <p>{@link org.hygie.repository.tree.Node} and {@link org.hygie.repository.tree.Tree} are immutable values;
 * {@link org.hygie.repository.tree.TreeEncoder} writes the exact bytes restic writes (so tree ids, and with them
 * deduplication, match restic's); {@link org.hygie.repository.tree.TreeDecoder} reads whatever restic 0.14 reads and
 * throws {@link org.hygie.repository.tree.TreeFormatException} for the rest. The Go pieces they rest on are public
 * on their own: {@link org.hygie.repository.tree.GoQuote} (names), {@link org.hygie.repository.tree.GoFileMode}
 * (modes), {@link org.hygie.repository.tree.GoTime} (times). No file system access here.
 *
 * <p><b>Names are bytes.</b> A Linux file name is any bytes but {@code /} and NUL, and restic stores it through
 * Go's {@code strconv.Quote}, which writes a byte that is not UTF-8 as {@code \xNN}. A node therefore keeps its raw
 * name bytes (and raw symlink target bytes): a name read from a tree with {@code \xff} decodes to the byte 0xff and
 * encodes back to {@code \xff}. {@link org.hygie.repository.tree.Node#nameString()} is for display only. Reading such
 * names from the disk is the file-system layer's job ({@code org.hygie.backup.fs}).
 *
 * <p><b>Known differences from a Go round trip</b>, none of which restic 0.14 ever writes: a symlink target that was
 * not UTF-8 is stored by restic as {@code \u005Cufffd} escapes and comes back as a real U+FFFD, which is then written raw
 * (restic does the same; copy such trees' bytes instead of re-encoding them); {@code {"nodes":null}} is written
 * back as {@code []}; {@code "extended_attributes":[]} is dropped (as Go drops it); times keep minute offsets only
 * (as Go writes them); keys of newer restic versions are not kept.
 */
package org.hygie.repository.tree;
