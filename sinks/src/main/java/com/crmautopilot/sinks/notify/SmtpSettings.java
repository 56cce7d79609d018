package com.crmautopilot.sinks.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and how mail is sent.
 *
 * <p>The password is best given as the name of an environment variable ({@code passwordEnv}), read on the
 * TaskManager when the sink opens, so it never travels in the job graph or sits in {@code conf/}. A literal
 * {@code password} is for tests and local servers.
 *
 * @param security    {@link Security#STARTTLS} upgrades a plain connection and refuses a server that cannot;
 *                    {@link Security#SMTPS} is TLS from the first byte (port 465); {@link Security#NONE} only for
 *                    a relay on the same host or a test server
 * @param username    empty for no authentication
 * @param from        the sender, e.g. {@code CRM Autopilot <autopilot@example.com>}; its domain also names the
 *                    {@code Message-ID}s
 * @param connections how many SMTP connections a subtask keeps open and sends over in parallel
 */
public record SmtpSettings(String host, int port, Security security, String username, String password,
                           String passwordEnv, String from, Duration connectTimeout, Duration readTimeout,
                           int connections) implements Serializable {

    public enum Security {
        NONE, STARTTLS, SMTPS;

        static Security fromConfig(String value) {
            return Security.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("smtp host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("smtp port must be in 1-65535, got " + port);
        }
        Objects.requireNonNull(security, "smtp security");
        username = username == null ? "" : username.trim();
        password = password == null ? "" : password;
        passwordEnv = passwordEnv == null ? "" : passwordEnv.trim();
        Objects.requireNonNull(connectTimeout, "smtp connect timeout");
        Objects.requireNonNull(readTimeout, "smtp read timeout");
        if (connections < 1) {
            throw new IllegalArgumentException("smtp connections must be at least 1, got " + connections);
        }
        fromAddress(from);
    }

    /** A plain connection to a server on this host (a test server, or a local relay). */
    public static SmtpSettings plain(String host, int port, String from) {
        return new SmtpSettings(host, port, Security.NONE, "", "", "", from, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 2);
    }

    public SmtpSettings withAuth(String user, String literalPassword) {
        return new SmtpSettings(host, port, security, user, literalPassword, "", from, connectTimeout, readTimeout,
                connections);
    }

    public SmtpSettings withTimeouts(Duration connect, Duration read) {
        return new SmtpSettings(host, port, security, username, password, passwordEnv, from, connect, read,
                connections);
    }

    public boolean authenticates() {
        return !username.isEmpty();
    }

    /** {@code smtps} for {@link Security#SMTPS}, else {@code smtp}. */
    public String protocol() {
        return security == Security.SMTPS ? "smtps" : "smtp";
    }

    public InternetAddress fromAddress() {
        return fromAddress(from);
    }

    /** The domain of the sender, the right-hand side of every {@code Message-ID}. */
    public String messageIdDomain() {
        String address = fromAddress().getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    /** The password to log in with: the environment variable's value when one is named, else the literal. */
    public String resolvePassword() {
        if (!passwordEnv.isEmpty()) {
            String value = System.getenv(passwordEnv);
            if (value == null) {
                throw new IllegalStateException("smtp password variable " + passwordEnv + " is not set");
            }
            return value;
        }
        return password;
    }

    /** Jakarta Mail session properties: timeouts always (its default is to wait forever), TLS as asked. */
    public Properties sessionProperties() {
        String prefix = "mail." + protocol() + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol());
        properties.setProperty(prefix + "host", host);
        properties.setProperty(prefix + "port", String.valueOf(port));
        properties.setProperty(prefix + "from", fromAddress().getAddress());
        properties.setProperty(prefix + "connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        properties.setProperty(prefix + "timeout", String.valueOf(readTimeout.toMillis()));
        properties.setProperty(prefix + "writetimeout", String.valueOf(readTimeout.toMillis()));
        properties.setProperty(prefix + "auth", String.valueOf(authenticates()));
        if (security == Security.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (security != Security.NONE) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "***") + ", passwordEnv=" + passwordEnv + ", from="
                + from + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", connections="
                + connections + "]";
    }

    private static InternetAddress fromAddress(String from) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("smtp from address must not be blank");
        }
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new IllegalArgumentException("smtp from address needs a domain: " + from);
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("smtp from address is not an address: " + from, e);
        }
    }
}
