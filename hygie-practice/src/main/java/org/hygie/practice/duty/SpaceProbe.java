package org.hygie.practice.duty;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free and total space of the file system holding a medium. */
public interface SpaceProbe {
    record Space(long usable, long total) {
        public double freeShare() {
            return total <= 0 ? 1 : (double) usable / total;
        }
    }

    /** The space, or null when it cannot be known. */
    Space check(Path location);

    SpaceProbe FILE_STORE = location -> {
        try {
            FileStore fs = Files.getFileStore(location);
            return new Space(fs.getUsableSpace(), fs.getTotalSpace());
        } catch (IOException e) {
            return null;
        }
    };
}
