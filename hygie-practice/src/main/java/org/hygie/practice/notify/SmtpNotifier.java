package org.hygie.practice.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.hygie.practice.config.Notify;
import org.hygie.repository.host.Host;

/**
 * Sends alerts through the practice's SMTP server. {@code smtp://host:port} requires STARTTLS (with the
 * server's certificate checked), except towards a relay on this machine (loopback), where STARTTLS is used
 * when offered; {@code smtps://host:port} speaks TLS from the first byte. A login is used when {@code user}
 * is set, its password read from {@code password-file}.
 */
public final class SmtpNotifier implements Notifier {
    private static final int TIMEOUT_MS = 30_000;
    private final Notify settings;
    private final Clock clock;

    public SmtpNotifier(Notify settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The JavaMail settings used for {@link #send}: STARTTLS required unless the server is on this machine. */
    Properties properties() {
        String scheme = settings.smtp().getScheme();
        String host = settings.smtp().getHost();
        boolean tls = scheme.equals("smtps");
        int port = settings.smtp().getPort() > 0 ? settings.smtp().getPort() : tls ? 465 : 587;
        String proto = tls ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", host);
        p.put("mail." + proto + ".port", String.valueOf(port));
        p.put("mail." + proto + ".connectiontimeout", String.valueOf(TIMEOUT_MS));
        p.put("mail." + proto + ".timeout", String.valueOf(TIMEOUT_MS));
        p.put("mail." + proto + ".writetimeout", String.valueOf(TIMEOUT_MS));
        p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        if (!tls) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", String.valueOf(!loopback(host)));
        }
        if (settings.user() != null) {
            p.put("mail." + proto + ".auth", "true");
        }
        return p;
    }

    @Override
    public void send(Mail mail) {
        String scheme = settings.smtp().getScheme();
        String host = settings.smtp().getHost();
        boolean tls = scheme.equals("smtps");
        int port = settings.smtp().getPort() > 0 ? settings.smtp().getPort() : tls ? 465 : 587;
        String proto = tls ? "smtps" : "smtp";
        Properties p = properties();
        String password = settings.user() == null ? null : password();
        final String user = settings.user();
        final String pw = password;
        Session session = Session.getInstance(p, user == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, pw);
            }
        });
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(from(), "Hygie", StandardCharsets.UTF_8.name()));
            for (String to : mail.to()) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            m.setText(mail.body(), StandardCharsets.UTF_8.name());
            m.setSentDate(Date.from(clock.instant()));
            m.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(m);
        } catch (MessagingException | IOException e) {
            throw new NotifyException("cannot send the mail through " + host + ":" + port + ": " + rootCause(e), e);
        }
    }

    private String from() {
        if (settings.from() != null) {
            return settings.from();
        }
        String h = Host.hostname();
        return "hygie@" + (h == null || h.isBlank() || !h.contains(".") ? "localhost" : h);
    }

    private String password() {
        if (settings.passwordFile() == null) {
            throw new NotifyException("notify.user is set but notify.password-file is not");
        }
        try {
            return Files.readString(settings.passwordFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new NotifyException("cannot read the mail password file " + settings.passwordFile() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A relay on this machine: {@code localhost} or a loopback address (no name is looked up). */
    static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.startsWith("[") || host.contains(":");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
