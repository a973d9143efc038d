package org.hygie.repository.lock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A lock file's JSON (restic-format.md §11). */
@JsonPropertyOrder({"time", "exclusive", "hostname", "username", "pid", "uid", "gid"})
public record LockJson(
        @JsonProperty("time") String time,
        @JsonProperty("exclusive") boolean exclusive,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("username") String username,
        @JsonProperty("pid") long pid,
        @JsonProperty("uid") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long uid,
        @JsonProperty("gid") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long gid) {
}
