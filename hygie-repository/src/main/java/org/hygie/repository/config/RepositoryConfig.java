package org.hygie.repository.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code config} file (restic-format.md §4): version 1 or 2, the repository id, and the chunker
 * polynomial as lower-case hex. Encrypted with the master key, never compressed.
 */
@JsonPropertyOrder({"version", "id", "chunker_polynomial"})
public record RepositoryConfig(
        @JsonProperty("version") int version,
        @JsonProperty("id") String id,
        @JsonProperty("chunker_polynomial") String chunkerPolynomial) {

    public static final int MIN_VERSION = 1;
    public static final int MAX_VERSION = 2;

    public boolean supportsCompression() {
        return version >= 2;
    }

    /** The polynomial as a number. */
    public long polynomial() {
        return Long.parseUnsignedLong(chunkerPolynomial, 16);
    }
}
