package com.crmautopilot.sinks.notify;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF guard of webhook URLs. A webhook URL comes from user preferences, so the job must not be made to call
 * whatever it names: only {@code https}, only the default port, no user info, and only hosts on the allowlist
 * (compared by name, exactly: {@code hooks.slack.com.evil.io} is not {@code hooks.slack.com}). Redirects are never
 * followed by the sender, so an allowed host cannot bounce a request elsewhere either.
 */
public final class WebhookUrlGuard implements Serializable {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final List<String> allowedHosts;
    private final boolean allowInsecureLoopbackForTests;

    public WebhookUrlGuard(List<String> allowedHosts, boolean allowInsecureLoopbackForTests) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
        this.allowInsecureLoopbackForTests = allowInsecureLoopbackForTests;
    }

    /** The URI to call, or why it may not be called. */
    public Verdict check(String url) {
        if (url == null || url.isBlank()) {
            return Verdict.refused("no webhook URL");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Verdict.refused("webhook URL is not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || host.isEmpty()) {
            return Verdict.refused("webhook URL must be absolute with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Verdict.refused("webhook URL must not carry user info");
        }
        if (allowInsecureLoopbackForTests && LOOPBACK.contains(host) && (scheme.equals("http") || scheme.equals("https"))) {
            return Verdict.allowed(uri);
        }
        if (!scheme.equals("https")) {
            return Verdict.refused("webhook URL must be https, not " + (scheme.isEmpty() ? "schemeless" : scheme));
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            return Verdict.refused("webhook URL must use the https port, not " + uri.getPort());
        }
        if (!allowedHosts.contains(host)) {
            return Verdict.refused("webhook host " + host + " is not on the allowlist " + allowedHosts);
        }
        return Verdict.allowed(uri);
    }

    /** Either a URI to call or the reason it was refused. */
    public record Verdict(URI uri, String refusal) {

        static Verdict allowed(URI uri) {
            return new Verdict(uri, null);
        }

        static Verdict refused(String why) {
            return new Verdict(null, why);
        }

        public boolean isAllowed() {
            return uri != null;
        }

        public Optional<String> refusalReason() {
            return Optional.ofNullable(refusal);
        }
    }
}
