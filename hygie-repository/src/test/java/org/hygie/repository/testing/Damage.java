package org.hygie.repository.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Damage done to repository files on purpose, as a failing disk or a careless hand would. */
public final class Damage {
    private Damage() {
    }

    /** Flips one bit of the byte at {@code at} of {@code file}. */
    public static void flipByte(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x40);
        }
    }
}
