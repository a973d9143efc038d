package org.hygie.backup.archiver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.hygie.backup.fs.NodeReader;
import org.hygie.repository.chunker.Chunker;
import org.hygie.repository.chunker.Polynomial;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.tree.Node;
import org.hygie.repository.write.RepositoryWriter;

/**
 * Reads one file, cuts it into chunks with the repository's polynomial, hashes each chunk and hands it to the
 * writer (which compresses, encrypts and packs on its own threads). Detects a file that changed while read.
 */
final class FileSaver {
    private final RepositoryWriter writer;
    private final NodeReader reader;
    private final ThreadLocal<Chunker> chunkers;

    FileSaver(RepositoryWriter writer, NodeReader reader, Polynomial polynomial) {
        this.writer = writer;
        this.reader = reader;
        this.chunkers = ThreadLocal.withInitial(() -> new Chunker(polynomial));
    }

    /** The outcome: the node with its content, and a warning when the file changed while it was read. */
    record Saved(Node node, String changedWarning) {
    }

    Saved save(Path path, Node before, LongConsumer bytesRead) throws IOException {
        List<Id> content = new ArrayList<>();
        long total = 0;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            Chunker chunker = chunkers.get().reset(in);
            int n;
            while ((n = chunker.nextCut()) > 0) { // the chunk is read in place; the writer copies it if it is new
                Id id = Id.hash(chunker.bytes(), 0, n);
                writer.saveCopy(BlobType.DATA, id, chunker.bytes(), 0, n);
                content.add(id);
                total += n;
                bytesRead.accept(n);
            }
        }
        String warning = null;
        Node after = null;
        try {
            after = reader.read(path);
        } catch (IOException e) {
            warning = "file vanished while being read";
        }
        if (after != null && (total != before.size() || after.size() != before.size()
                || !after.mtime().equals(before.mtime()))) {
            warning = "file changed while being read (" + before.size() + " bytes before, " + total + " read)";
        }
        return new Saved(before.toBuilder().content(content).build(), warning);
    }
}
