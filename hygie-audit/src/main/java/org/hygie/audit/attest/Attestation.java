package org.hygie.audit.attest;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone's word that a manual point is done.
 *
 * @param ruleId    the manual rule attested
 * @param by        who attests (name as typed)
 * @param attestedAt when
 * @param expiresAt when it must be asked again
 */
public record Attestation(String ruleId, String by, Instant attestedAt, Instant expiresAt) {
    public Attestation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(attestedAt, "attestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("an attestation needs the name of who gives it");
        }
        if (!expiresAt.isAfter(attestedAt)) {
            throw new IllegalArgumentException("an attestation must expire after it is given");
        }
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
