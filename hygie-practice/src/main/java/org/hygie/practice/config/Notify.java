package org.hygie.practice.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Mail alerts: the SMTP server ({@code smtp://host:587} with STARTTLS, {@code smtps://host:465} with TLS), who
 * receives them, the sender, and an optional login whose password is in a file.
 */
public record Notify(URI smtp, List<String> to, String from, String user, Path passwordFile) {
    public Notify {
        to = List.copyOf(to);
    }
}
