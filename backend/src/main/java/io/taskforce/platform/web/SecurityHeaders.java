package io.taskforce.platform.web;

import java.net.URI;

/**
 * The security headers of every response, as plain values. The Content-Security-Policy allows scripts from the
 * application's own origin only (the Vite build emits module files, never inline scripts); styles may be inline
 * because the component library injects its theme as style elements at run time; the identity provider is the one
 * other origin the browser talks to (keycloak-js fetches its tokens there and the login form posts there).
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static String contentSecurityPolicy(String identityProviderUrl) {
        String idp = origin(identityProviderUrl);
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self' " + idp,
                "frame-src " + idp,
                "form-action 'self' " + idp,
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "object-src 'none'");
    }

    /** Scheme, host and port of a URL: what a CSP source names. */
    static String origin(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an absolute URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
