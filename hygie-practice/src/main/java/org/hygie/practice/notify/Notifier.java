package org.hygie.practice.notify;

/** Sends mail alerts. */
public interface Notifier {
    /** Sends {@code mail}; throws {@link NotifyException} with the reason when it cannot. */
    void send(Mail mail);

    /** No mail configured. */
    Notifier NONE = mail -> {
        throw new NotifyException("no mail server configured (notify: in the configuration)");
    };
}
