package org.hygie.practice.notify;

import java.util.List;

/** A mail alert: who receives it, its subject and its plain-text body. */
public record Mail(List<String> to, String subject, String body) {
    public Mail {
        to = List.copyOf(to);
    }
}
