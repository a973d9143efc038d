package org.hygie.backup.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongConsumer;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/**
 * Writes one file's content from its blobs. Opens with CREATE_NEW and NOFOLLOW_LINKS, so it never writes
 * through a link nor over an existing file. Blocks of zeros become holes, so sparse files stay sparse.
 */
final class FileWriter {
    private FileWriter() {
    }

    static long write(Repository repo, Path path, List<Id> content, LongConsumer bytesWritten) throws IOException {
        long pos = 0;
        boolean endsInHole = false;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            for (Id id : content) {
                byte[] data = repo.loadBlob(BlobType.DATA, id);
                if (isZero(data)) {
                    endsInHole = true;
                } else {
                    ByteBuffer buf = ByteBuffer.wrap(data);
                    long at = pos;
                    while (buf.hasRemaining()) {
                        at += ch.write(buf, at);
                    }
                    endsInHole = false;
                }
                pos += data.length;
                bytesWritten.accept(data.length);
            }
            if (endsInHole && pos > 0) {
                ch.write(ByteBuffer.wrap(new byte[1]), pos - 1);
            }
        }
        return pos;
    }

    private static boolean isZero(byte[] data) {
        for (byte b : data) {
            if (b != 0) {
                return false;
            }
        }
        return data.length > 0;
    }
}
