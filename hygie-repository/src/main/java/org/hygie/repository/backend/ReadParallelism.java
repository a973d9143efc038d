package org.hygie.repository.backend;

/**
 * How many readers restore and check run. On a local disk the work is the processor's (decrypting, hashing,
 * decompressing): one reader per core. Over a network a reader mostly waits for its answer, so at least
 * {@link #OVER_NETWORK} run, as restic's restore does: from a store 30 ms away, a restore of 287 MiB took 29 s with
 * 2 readers and 14 s with 8 (docs/BENCHMARKS.md).
 */
public final class ReadParallelism {
    public static final int OVER_NETWORK = 8;

    private ReadParallelism() {
    }

    public static int readers(Backend backend) {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        return backend.overNetwork() ? Math.max(cores, OVER_NETWORK) : cores;
    }
}
