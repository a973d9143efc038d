package org.hygie.practice.duty;

import java.nio.file.Path;

/** Another duty (or drill, or set-up) of this practice is running. */
public final class DutyBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String holder;

    public DutyBusyException(Path lockFile, String holder) {
        super("another Hygie duty is running (lock " + lockFile + ", process " + holder + ")");
        this.holder = holder;
    }

    /** The process id written by the holder, or "" when unknown. */
    public String holder() {
        return holder;
    }
}
