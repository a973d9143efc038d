package org.hygie.repository.key;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The plain JSON of {@code keys/<id>} (restic-format.md §3.4), in restic's key order. */
@JsonPropertyOrder({"created", "username", "hostname", "kdf", "N", "r", "p", "salt", "data"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyFile(
        @JsonProperty("created") String created,
        @JsonProperty("username") String username,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("kdf") String kdf,
        @JsonProperty("N") int n,
        @JsonProperty("r") int r,
        @JsonProperty("p") int p,
        @JsonProperty("salt") byte[] salt,
        @JsonProperty("data") byte[] data) {
}
