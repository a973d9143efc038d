package org.hygie.repository.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON of an index file (restic-format.md §8). */
@JsonPropertyOrder({"supersedes", "packs"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IndexJson(
        @JsonProperty("supersedes") List<String> supersedes,
        @JsonProperty("packs") @JsonInclude(JsonInclude.Include.ALWAYS) List<Pack> packs) {

    @JsonPropertyOrder({"id", "blobs"})
    public record Pack(@JsonProperty("id") String id, @JsonProperty("blobs") List<Blob> blobs) {
    }

    @JsonPropertyOrder({"id", "type", "offset", "length", "uncompressed_length"})
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Blob(
            @JsonProperty("id") String id,
            @JsonProperty("type") String type,
            @JsonProperty("offset") @JsonInclude(JsonInclude.Include.ALWAYS) long offset,
            @JsonProperty("length") @JsonInclude(JsonInclude.Include.ALWAYS) long length,
            @JsonProperty("uncompressed_length") long uncompressedLength) {
    }
}
