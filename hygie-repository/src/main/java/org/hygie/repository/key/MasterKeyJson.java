package org.hygie.repository.key;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The master key as it is encrypted inside a key file: {@code {"mac":{"k":..,"r":..},"encrypt":..}}. */
@JsonPropertyOrder({"mac", "encrypt"})
record MasterKeyJson(@JsonProperty("mac") Mac mac, @JsonProperty("encrypt") byte[] encrypt) {

    @JsonPropertyOrder({"k", "r"})
    record Mac(@JsonProperty("k") byte[] k, @JsonProperty("r") byte[] r) {
    }
}
