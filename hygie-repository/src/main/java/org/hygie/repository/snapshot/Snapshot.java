package org.hygie.repository.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A snapshot file's JSON (restic-format.md §9), in restic 0.14's key order and omission rules.
 * {@code time} stays the exact string restic wrote; {@link #instant()} parses it.
 */
@JsonPropertyOrder({"time", "parent", "tree", "paths", "hostname", "username", "uid", "gid", "excludes", "tags",
        "original"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Snapshot(
        @JsonProperty("time") @JsonInclude(JsonInclude.Include.ALWAYS) String time,
        @JsonProperty("parent") String parent,
        @JsonProperty("tree") @JsonInclude(JsonInclude.Include.ALWAYS) String tree,
        @JsonProperty("paths") @JsonInclude(JsonInclude.Include.ALWAYS) List<String> paths,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("username") String username,
        @JsonProperty("uid") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long uid,
        @JsonProperty("gid") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long gid,
        @JsonProperty("excludes") List<String> excludes,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("original") String original) {

    /** The snapshot time as an instant with its offset; restic's fraction may have 0 to 9 digits. */
    @JsonIgnore
    public OffsetDateTime instant() {
        return OffsetDateTime.parse(time);
    }

    public List<String> tags() {
        return tags == null ? List.of() : tags;
    }

    public List<String> paths() {
        return paths == null ? List.of() : paths;
    }
}
